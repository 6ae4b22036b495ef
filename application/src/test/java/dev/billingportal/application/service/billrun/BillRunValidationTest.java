package dev.billingportal.application.service.billrun;

import static dev.billingportal.application.service.billrun.RecordingPorts.recording;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billingportal.application.port.in.billing.InvoiceInput;
import dev.billingportal.application.port.in.billing.PostTransactionCommand;
import dev.billingportal.application.port.in.billing.TransactionInput;
import dev.billingportal.application.port.in.billrun.BillRunLineInput;
import dev.billingportal.application.port.out.Invoices;
import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.application.service.billing.PostTransactionService;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.billrun.BillRunError;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.testing.InMemoryPortal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bill run's lines judged before anything is posted, with a single posting's messages. */
class BillRunValidationTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final PostTransactionService posting = portal.postTransaction();
    private final BillRunValidation validation = new BillRunValidation(portal.stores.accounts(),
            portal.stores.invoices(), portal.stores.transactions(), Actor.INSTALLATION, portal.clock.instant());
    private final Account first = portal.account();
    private final Account second = portal.account();
    private final List<BillRunValidation.Valid> valid = new ArrayList<>();
    private long line;

    private static TransactionInput invoice(String number, String amount) {
        return new TransactionInput("INVOICE", amount, null, null, null, null, null,
                new InvoiceInput(number, "2026-11-01", "2026-11-30", null, null,
                        List.of(new InvoiceInput.Line("Hosted PBX seat", "10", "10.00", "100.00")),
                        List.of(new InvoiceInput.Tax("HST", "13", "13.00"))));
    }

    private static TransactionInput payment(String amount, String invoiceId) {
        return new TransactionInput("PAYMENT", amount, null, null, null, null, invoiceId, null);
    }

    private List<String> check(Account account, String key, TransactionInput transaction) {
        return check(new BillRunLineInput(++line, account.number().value(), null, key, transaction, List.of()));
    }

    private List<String> check(BillRunLineInput input) {
        return validation.check(input, valid::add).stream().map(error -> error.field() + " " + error.message())
                .toList();
    }

    @Test
    void goodLinesByNumberOrByIdAreValidForTheirAccounts() {
        assertEquals(List.of(), check(first, "k1", invoice("INV-1", "113.00")));
        assertEquals(List.of(), check(new BillRunLineInput(++line, null, second.id().value().toString(), "k1",
                payment("5.00", null), List.of())));
        assertEquals(List.of(first.id(), second.id()), valid.stream().map(line -> line.account().id()).toList());
        assertEquals(List.of(1L, 2L), valid.stream().map(BillRunValidation.Valid::line).toList());
    }

    @Test
    void aBadLineIsReportedWithTheMessagesASinglePostingGives() {
        assertEquals(List.of("accountNumber is not an account's number"), check(new BillRunLineInput(++line,
                "ACC-999999", null, "k1", payment("5.00", null), List.of())));
        assertEquals(List.of("accountNumber is required (or accountId)"), check(new BillRunLineInput(++line, null,
                null, "k2", payment("5.00", null), List.of())));
        assertEquals(List.of("amount must be greater than zero; the type gives the sign"),
                check(first, "k3", payment("0.00", null)));
        assertEquals(List.of("currency must be the account's currency CAD"), check(first, "k4",
                new TransactionInput("PAYMENT", "5.00", "USD", null, null, null, null, null)));
        assertEquals(List.of("invoice is required for an INVOICE"), check(first, "k5",
                new TransactionInput("INVOICE", "5.00", null, null, null, null, null, null)));
        assertEquals(List.of(), valid);
    }

    @Test
    void whatTheReaderCouldNotReadIsReportedOnceForItsField() {
        BillRunLineInput input = new BillRunLineInput(++line, first.number().value(), null, "k1",
                new TransactionInput("PAYMENT", null, null, null, null, null, null, null),
                List.of(FieldError.of("amount", "must be a string")));
        assertEquals(List.of("amount must be a string"), check(input), "not also 'amount is required'");
    }

    @Test
    void theFilesEarlierLinesCountAnInvoiceNumberTwiceAndAPaymentBeyondWhatIsDue() {
        String posted = posting.post(PostTransactionCommand.of(Actor.INSTALLATION, first.id(), "before",
                invoice("INV-1", "113.00"))).transaction().invoiceId().value().toString();
        assertEquals(List.of("invoice.invoiceNumber already exists in this account"),
                check(first, "k1", invoice("INV-1", "113.00")));
        assertEquals(List.of(), check(first, "k2", invoice("INV-2", "113.00")));
        assertEquals(List.of("invoice.invoiceNumber already exists in this account"),
                check(first, "k3", invoice("INV-2", "113.00")), "issued by the line before");
        assertEquals(List.of(), check(second, "k4", invoice("INV-2", "113.00")), "another account's numbers");
        assertEquals(List.of(), check(first, "k5", payment("100.00", posted)));
        List<String> beyond = check(first, "k6", payment("20.00", posted));
        assertEquals(1, beyond.size());
        assertEquals(true, beyond.getFirst().startsWith("amount "), beyond.toString());
        assertEquals(List.of("invoiceId is not an invoice of this account"), check(second, "k7",
                payment("1.00", posted)));
        assertEquals(List.of("amount exceeds"), check(first, "k8", payment("13.01", posted)).stream()
                .map(error -> error.substring(0, "amount exceeds".length())).toList(),
                "another account's line named it first; this one still counts the 100.00 paid");
    }

    @Test
    void anIdempotencyKeyReplaysTheSameRequestAndRefusesAnother() {
        posting.post(PostTransactionCommand.of(Actor.INSTALLATION, first.id(), "posted", payment("5.00", null)));
        assertEquals(List.of(), check(first, "posted", payment("5.00", null)), "posted before: a replay");
        assertEquals(List.of("idempotencyKey was already used for a different request; use a new key for a new"
                + " transaction"), check(first, "posted", payment("6.00", null)));
        assertEquals(List.of(), check(first, "k1", payment("7.00", null)));
        assertEquals(List.of(), check(first, "k1", payment("7.00", null)), "the same line twice: posted once");
        assertEquals(List.of("idempotencyKey was already used on line 3 for a different request"),
                check(first, "k1", payment("8.00", null)));
        assertEquals(List.of(), check(second, "k1", payment("8.00", null)), "keys are per account");
        assertEquals(List.of(1L, 3L, 4L, 6L), valid.stream().map(BillRunValidation.Valid::line).toList());
    }

    @Test
    void aSliceAsksForItsKeysAndInvoiceNumbersOnceAnAccountWhicheverWayItsLinesNameIt() {
        posting.post(PostTransactionCommand.of(Actor.INSTALLATION, first.id(), "by-number", payment("5.00", null)));
        posting.post(PostTransactionCommand.of(Actor.INSTALLATION, first.id(), "by-id", payment("6.00", null)));
        posting.post(PostTransactionCommand.of(Actor.INSTALLATION, first.id(), "issued", invoice("INV-1", "113.00")));
        List<String> asked = new ArrayList<>();
        BillRunValidation counted = new BillRunValidation(portal.stores.accounts(),
                recording(Invoices.class, portal.stores.invoices(), asked),
                recording(Transactions.class, portal.stores.transactions(), asked), Actor.INSTALLATION,
                portal.clock.instant());
        String id = first.id().value().toString();
        List<BillRunLineInput> slice = List.of(
                new BillRunLineInput(1, first.number().value(), null, "by-number", payment("5.00", null), List.of()),
                new BillRunLineInput(2, null, id, "by-id", payment("7.00", null), List.of()),
                new BillRunLineInput(3, first.number().value(), null, "k3", invoice("INV-1", "113.00"), List.of()),
                new BillRunLineInput(4, null, id, "k4", invoice("INV-2", "113.00"), List.of()),
                new BillRunLineInput(5, first.number().value(), id, "k5", payment("1.00", null), List.of()));

        counted.startSlice(slice);
        List<String> errors = slice.stream().flatMap(input -> counted.check(input, valid::add).stream())
                .map(error -> error.line() + " " + error.field() + " " + error.message()).toList();

        assertEquals(List.of("2 idempotencyKey was already used for a different request; use a new key for a new"
                + " transaction", "3 invoice.invoiceNumber already exists in this account"), errors);
        assertEquals(List.of(1L, 4L, 5L), valid.stream().map(BillRunValidation.Valid::line).toList());
        assertEquals(List.of("fingerprintsByKey", "numbersTaken"), asked,
                "one read of the account's keys and one of its numbers, for lines naming it either way");
    }

    @Test
    void errorsNameTheLine() {
        List<BillRunError> errors = validation.check(new BillRunLineInput(7, null, "not-an-id", "k", payment("1.00",
                null), List.of()), valid::add);
        assertEquals(List.of(new BillRunError(7, "accountId", "is not an id")), errors);
    }
}
