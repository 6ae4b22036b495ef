package dev.billingportal.application.service.billing;

import static dev.billingportal.application.service.billing.Postings.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.billing.PostTransactionCommand;
import dev.billingportal.application.port.in.billing.PostTransactionUseCase.Posted;
import dev.billingportal.application.port.in.billing.TransactionInput;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.billing.InvoiceStatus;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.notification.Recipient;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.InMemoryPortal;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Spec §5: exact money, gapless sequences, running balances, idempotent posting, invoices settled within their total. */
class PostTransactionServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final PostTransactionService service = portal.postTransaction();
    private final Account account = portal.account();

    private Transaction post(String key, TransactionInput input) {
        return service.post(command(account.id(), key, input)).transaction();
    }

    @Test
    void eachPostingTakesTheNextSequenceAndTheBalanceAfterIt() {
        Transaction invoice = post("k1", Postings.invoice("INV-1"));
        Transaction payment = post("k2", Postings.payment("50.00", invoice.invoiceId().toString()));
        Transaction credit = post("k3", Postings.of("CREDIT", "70.00", null, "CR-1"));

        assertEquals(List.of(1L, 2L, 3L), List.of(invoice.sequence(), payment.sequence(), credit.sequence()));
        assertEquals(List.of("113.00", "63.00", "-7.00"), List.of(invoice.balanceAfter().toString(),
                payment.balanceAfter().toString(), credit.balanceAfter().toString()), "a credit balance is negative");
        assertEquals(new Money(-700, CurrencyCode.CAD), portal.stores.ledgers().read(account.id()).balance());
    }

    @Test
    void aPostingRecordsAWebhookMessageForTheAccountsEndpointOnceAndARefusedOneNone() {
        dev.billingportal.domain.webhook.WebhookEndpoint endpoint = dev.billingportal.domain.webhook.WebhookEndpoint
                .create(java.util.Optional.of(account.id()), dev.billingportal.domain.webhook.WebhookUrl.parse(
                        "https://hooks.example.com/b", java.util.Set.of()), "", java.util.Set.of("transaction.posted"),
                        dev.billingportal.domain.webhook.WebhookSecret.generate(new java.security.SecureRandom()),
                        portal.clock.instant());
        portal.stores.webhookEndpoints().add(endpoint);
        Transaction invoice = post("k1", Postings.invoice("INV-1"));
        post("k1", Postings.invoice("INV-1"));
        assertThrows(RuleViolation.class, () -> post("k2", Postings.payment("500.00", invoice.invoiceId().toString())));

        var messages = portal.stores.webhookMessages().newestFirst(endpoint.id(), java.util.Optional.empty(), 10);
        assertEquals(1, messages.size(), "the replay and the refused posting record none");
        assertEquals(dev.billingportal.domain.webhook.WebhookEventType.TRANSACTION_POSTED, messages.get(0).type());
        assertTrue(messages.get(0).body().contains(invoice.id().toString()));
    }

    @Test
    void aPaymentSettlesItsInvoiceAndMayNotExceedWhatIsDue() {
        Transaction invoice = post("k1", Postings.invoice("INV-1"));
        post("k2", Postings.payment("100.00", invoice.invoiceId().toString()));

        RuleViolation tooMuch = assertThrows(RuleViolation.class,
                () -> post("k3", Postings.payment("13.01", invoice.invoiceId().toString())));
        assertEquals("amount", tooMuch.errors().get(0).field().toString());

        post("k4", Postings.payment("13.00", invoice.invoiceId().toString()));
        Invoice paid = portal.stores.invoices().find(account.id(), invoice.invoiceId()).orElseThrow();
        assertEquals(InvoiceStatus.PAID, paid.status());
        assertEquals(3, portal.stores.ledgers().read(account.id()).lastSequence(), "the refused one took none");
    }

    @Test
    void theSameKeyAndRequestReturnTheOriginalAndPostNothingMore() {
        Posted first = service.post(command(account.id(), "key-1", Postings.of("PAYMENT", "25.00", null, "PAY-1")));
        Posted again = service.post(command(account.id(), "key-1", Postings.of("PAYMENT", "25.00", null, "PAY-1")));

        assertFalse(first.replayed());
        assertTrue(again.replayed());
        assertEquals(first.transaction(), again.transaction());
        assertEquals(1, portal.stores.transactions().newestFirst(account.id(),
                dev.billingportal.application.port.out.Transactions.Criteria.all(), OptionalLong.empty(), 10).size());
    }

    @Test
    void theSameKeyForAnotherRequestIsRefusedOnTheKey() {
        post("key-1", Postings.of("PAYMENT", "25.00", null, "PAY-1"));

        RuleViolation reused = assertThrows(RuleViolation.class,
                () -> post("key-1", Postings.of("PAYMENT", "26.00", null, "PAY-1")));

        assertEquals("idempotencyKey", reused.errors().get(0).field().toString());
    }

    @Test
    void theUsersWhoWantItAreToldOfEveryPosting() {
        PortalUser ann = portal.active(account, "Ann", true);
        portal.active(account, "Quiet", false);

        post("k1", Postings.invoice("INV-1"));

        assertEquals(List.of(Recipient.of(ann.id())), portal.deliveries(NotificationKind.TRANSACTION_POSTED).stream()
                .map(Delivery::recipient).toList());
        assertEquals(1, portal.relayWakeUps.get());
    }

    @Test
    void theAccountsCurrencyAndMinorDigitsRule() {
        Account yen = portal.account(new CurrencyCode("JPY"));
        RuleViolation foreign = assertThrows(RuleViolation.class, () -> post("k1", new TransactionInput("PAYMENT",
                "5.00", "USD", null, null, null, null, null)));
        assertEquals("currency", foreign.errors().get(0).field().toString());

        InvalidInput digits = assertThrows(InvalidInput.class, () -> service.post(command(yen.id(), "k1",
                Postings.of("PAYMENT", "5.00", null, null))));
        assertEquals("amount", digits.errors().get(0).field().toString());
        assertEquals("500", service.post(command(yen.id(), "k2", Postings.of("PAYMENT", "500", null, null)))
                .transaction().amount().toString());
    }

    @Test
    void aReusedInvoiceNumberIsAConflictOnTheInvoiceNumber() {
        post("k1", Postings.invoice("INV-7"));

        StateConflict taken = assertThrows(StateConflict.class, () -> post("k2", Postings.invoice("INV-7")));

        assertEquals("invoice.invoiceNumber", taken.errors().get(0).field().toString());
    }

    @Test
    void onlyOperatorsPost() {
        PortalUser ann = portal.active(account, "Ann", false);
        assertThrows(AccessDenied.class, () -> service.post(PostTransactionCommand.of(InMemoryPortal.actor(ann),
                account.id(), "k1", Postings.of("CREDIT", "5.00", null, null))));
        assertEquals(0, portal.stores.ledgers().read(account.id()).lastSequence());
    }

    @Test
    void aPostingMayBeBackDatedButNotMoreThanADayAhead() {
        Transaction backDated = post("k1", Postings.of("PAYMENT", "5.00", "2026-01-01T00:00:00Z", null));
        assertEquals("2026-01-01T00:00:00Z", backDated.postedAt().toString());

        RuleViolation future = assertThrows(RuleViolation.class, () -> post("k2", Postings.of("PAYMENT", "5.00",
                portal.clock.instant().plusSeconds(86_401).toString(), null)));
        assertEquals("postedAt", future.errors().get(0).field().toString());
    }

    @Test
    void aPostingsFieldsAreAllCheckedAtOnceBeforeAnythingIsRead() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> command(account.id(), null, new TransactionInput(
                "GIFT", "-5", null, "yesterday", "x".repeat(101), null, "not-a-uuid", null)));

        assertEquals(List.of("idempotencyKey", "type", "amount", "postedAt", "reference", "invoiceId"),
                invalid.errors().stream().map(error -> error.field().toString()).toList());
    }

    @Test
    void anInvoiceMustCarryItsInvoiceAndOthersMustNot() {
        InvalidInput missing = assertThrows(InvalidInput.class, () -> command(account.id(), "k",
                Postings.of("INVOICE", "113.00", null, null)));
        assertEquals("invoice", missing.errors().get(0).field().toString());

        TransactionInput invoice = Postings.invoice("INV-1");
        InvalidInput misplaced = assertThrows(InvalidInput.class, () -> command(account.id(), "k",
                new TransactionInput("PAYMENT", "113.00", null, null, null, null, null, invoice.invoice())));
        assertEquals("invoice", misplaced.errors().get(0).field().toString());
    }
}
