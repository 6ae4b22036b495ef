package dev.billingportal.application.service.billrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.billing.InvoiceInput;
import dev.billingportal.application.port.in.billing.TransactionInput;
import dev.billingportal.application.port.in.billrun.BillRunFile;
import dev.billingportal.application.port.in.billrun.BillRunLineInput;
import dev.billingportal.application.port.out.Invoices;
import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.application.service.billing.TransactionPosting;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ApiKeyId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billrun.BillRun;
import dev.billingportal.domain.billrun.BillRunError;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.InputTooLarge;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.testing.InMemoryPortal;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A bill run checked whole, then posted line by line as single postings would be (spec §14). */
class BillRunServicesTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final List<String> wakeUps = new ArrayList<>();
    private final List<BillRunFile.Format> filesRead = new ArrayList<>();
    private final List<List<BillRunError>> sheets = new ArrayList<>();
    private final SubmitBillRunService submit = new SubmitBillRunService(portal.stores.unitOfWork(),
            portal.stores.billRuns(), portal.stores.accounts(), portal.stores.invoices(), portal.stores.transactions(),
            portal.stores.auditLog(), file -> {
                filesRead.add(file.format());
                return payments(3).iterator();
            }, () -> wakeUps.add("wake"), portal.clock);
    private final PostBillRunsService post = new PostBillRunsService(portal.stores.unitOfWork(),
            portal.stores.billRuns(), portal.stores.accounts(), portal.stores.ledgers(), portal.stores.transactions(),
            portal.transactionPosting, Runnable::run, Duration.ofSeconds(30), portal.clock);
    private final BillRunsService query = new BillRunsService(portal.stores.unitOfWork(), portal.stores.billRuns(),
            (errors, out) -> sheets.add(errors));
    private final Actor billing = new Actor.ApiKeyActor(ApiKeyId.random(), "Month-end", OperatorRole.BILLING);
    private final Account first = portal.account();
    private final Account second = portal.account();

    private static TransactionInput payment(String amount) {
        return new TransactionInput("PAYMENT", amount, null, null, "PAY", null, null, null);
    }

    private static BillRunLineInput line(long number, Account account, String key, TransactionInput transaction) {
        return new BillRunLineInput(number, account.number().value(), null, key, transaction, List.of());
    }

    /** {@code count} payments of 1.00, alternating between the two accounts, keys k1, k2, … */
    private List<BillRunLineInput> payments(long count) {
        return LongStream.rangeClosed(1, count).mapToObj(number -> line(number, number % 2 == 0 ? second : first,
                "k" + number, payment("1.00"))).toList();
    }

    private List<Transaction> postedTo(Account account) {
        return portal.stores.transactions().oldestFirstAbove(account.id(),
                Transactions.Criteria.all(), 0, 10_000);
    }

    @Test
    void aGoodFileIsStoredThenPostedInFileOrderPerAccountUntilDone() {
        portal.active(first, "ann", true);
        BillRun run = submit.submit(billing, payments(2_500).iterator());
        assertEquals(BillRun.Status.POSTING, run.status());
        assertEquals(2_500, run.lines());
        assertEquals(List.of("wake"), wakeUps);

        assertTrue(post.postNext());
        assertFalse(post.postNext(), "nothing left to post");

        BillRun done = query.find(billing, run.id());
        assertEquals(BillRun.Status.DONE, done.status());
        assertEquals(2_500, done.posted());
        assertEquals(0, done.replayed());
        List<Transaction> firsts = postedTo(first);
        assertEquals(1_250, firsts.size());
        assertEquals(LongStream.rangeClosed(1, 1_250).boxed().toList(),
                firsts.stream().map(Transaction::sequence).toList(), "sequences gapless");
        assertEquals(LongStream.iterate(1, n -> n + 2).limit(1_250).mapToObj(n -> "k" + n).toList(),
                firsts.stream().map(Transaction::idempotencyKey).toList(), "in file order");
        assertEquals("-1250.00", firsts.getLast().balanceAfter().toString());
        assertEquals(1_250, portal.deliveries(NotificationKind.TRANSACTION_POSTED).size(), "ann, once each");
        assertEquals(2_500, portal.stores.auditLog().all().stream()
                .filter(event -> event.action() == AuditAction.TRANSACTION_POSTED)
                .filter(event -> event.actor().name().equals("Month-end")).count(), "in the sender's name");
    }

    private static TransactionInput invoice(String number) {
        return new TransactionInput("INVOICE", "113.00", "CAD", null, null, null, null,
                new InvoiceInput(number, "2026-11-01", "2026-11-30", null, null,
                        List.of(new InvoiceInput.Line("Hosted PBX seat", "10", "10.00", "100.00")),
                        List.of(new InvoiceInput.Tax("HST", "13", "13.00"))));
    }

    @Test
    void aChunkReadsTheInvoiceNumbersTakenOnceAnAccountNotOnceAnInvoice() {
        List<String> asked = new ArrayList<>();
        Invoices counted = RecordingPorts.recording(Invoices.class, portal.stores.invoices(), asked);
        PostBillRunsService countedPost = new PostBillRunsService(portal.stores.unitOfWork(),
                portal.stores.billRuns(), portal.stores.accounts(), portal.stores.ledgers(),
                portal.stores.transactions(), new TransactionPosting(portal.stores.ledgers(),
                        portal.stores.transactions(), counted, portal.recorder, portal.webhooks,
                        portal.stores.auditLog(), portal.stores.users()),
                Runnable::run, Duration.ofSeconds(30), portal.clock);
        BillRun run = submit.submit(billing, List.of(line(1, first, "i1", invoice("INV-1")),
                line(2, second, "i2", invoice("INV-1")), line(3, first, "i3", invoice("INV-2")),
                line(4, first, "p4", payment("1.00")), line(5, second, "i5", invoice("INV-2")),
                line(6, first, "i6", invoice("INV-3"))).iterator());

        assertTrue(countedPost.postNext());

        assertEquals(BillRun.Status.DONE, query.find(billing, run.id()).status());
        assertEquals(List.of("INV-1", "INV-2", "INV-3"), postedTo(first).stream()
                .map(Transaction::invoiceNumber).filter(java.util.Objects::nonNull).toList());
        assertEquals(List.of("INV-1", "INV-2"), postedTo(second).stream().map(Transaction::invoiceNumber).toList());
        assertEquals(List.of("numbersTaken", "numbersTaken"),
                asked.stream().filter(call -> call.startsWith("number")).toList(),
                "one read an account, however many invoices its lines issue");
    }

    @Test
    void theSameFileSentTwiceIsReplayedAndPostsNothing() {
        submit.submit(billing, payments(10).iterator());
        post.postNext();
        BillRun again = submit.submit(billing, payments(10).iterator());
        assertEquals(BillRun.Status.POSTING, again.status());
        post.postNext();
        BillRun done = query.find(billing, again.id());
        assertEquals(BillRun.Status.DONE, done.status());
        assertEquals(0, done.posted());
        assertEquals(10, done.replayed());
        assertEquals(5, postedTo(first).size());
    }

    @Test
    void aFileWithABadLineIsRejectedWithItsReportAndPostsNothing() {
        List<BillRunLineInput> lines = new ArrayList<>(payments(1_999));
        lines.set(1_500, line(1_501, first, "k1501", payment("0.00")));
        lines.add(new BillRunLineInput(2_000, "ACC-999999", null, "k2000", payment("1.00"), List.of()));

        BillRun run = submit.submit(billing, lines.iterator());

        assertEquals(BillRun.Status.REJECTED, run.status());
        assertEquals(List.of(new BillRunError(1_501, "amount", "must be greater than zero; the type gives the sign"),
                new BillRunError(2_000, "accountNumber", "is not an account's number")), run.errors());
        assertEquals(List.of(), wakeUps);
        assertFalse(post.postNext());
        assertEquals(List.of(), postedTo(first));
        assertEquals(java.util.Map.of(), portal.stores.billRuns().outcomes(run.id()), "no line kept");
    }

    @Test
    void aFileBeyondTheLimitsFailsAndKeepsNothing() {
        Iterator<BillRunLineInput> endless = new Iterator<>() {
            private long number;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public BillRunLineInput next() {
                number++;
                return line(number, first, "k" + number, payment("1.00"));
            }
        };
        assertThrows(InputTooLarge.class, () -> submit.submit(billing, endless));
        Iterator<BillRunLineInput> tooLarge = new Iterator<>() {
            private boolean given;

            @Override
            public boolean hasNext() {
                if (given) {
                    throw new InputTooLarge(BillRun.MAX_BYTES);
                }
                return true;
            }

            @Override
            public BillRunLineInput next() {
                if (given) {
                    throw new NoSuchElementException();
                }
                given = true;
                return line(1, first, "k1", payment("1.00"));
            }
        };
        assertThrows(InputTooLarge.class, () -> submit.submit(billing, tooLarge));

        List<BillRun> runs = query.list(billing, PageRequest.first(10)).items();
        assertEquals(List.of(BillRun.Status.FAILED, BillRun.Status.FAILED),
                runs.stream().map(BillRun::status).toList());
        assertEquals("body", runs.getFirst().errors().getFirst().field());
        assertTrue(runs.stream().allMatch(run -> portal.stores.billRuns().outcomes(run.id()).isEmpty()));
        assertFalse(post.postNext());
    }

    @Test
    void onlyTheBillingAndAdminRolesWorkWithBillRuns() {
        Actor support = new Actor.ApiKeyActor(ApiKeyId.random(), "Helpdesk", OperatorRole.SUPPORT);
        assertThrows(AccessDenied.class, () -> submit.submit(support, payments(1).iterator()));
        BillRun run = submit.submit(billing, payments(1).iterator());
        assertThrows(AccessDenied.class, () -> query.find(support, run.id()));
        assertThrows(AccessDenied.class, () -> query.list(support, PageRequest.first(10)));
        assertThrows(NotFound.class, () -> query.find(billing, dev.billingportal.domain.billrun.BillRunId.random()));
        assertEquals(Optional.of(run.id()), query.list(billing, PageRequest.first(10)).items().stream()
                .map(BillRun::id).findFirst());
    }

    @Test
    void aFileIsReadThroughItsReaderAndNotAtAllForACallerWhoMayNot() {
        Actor support = new Actor.ApiKeyActor(ApiKeyId.random(), "Helpdesk", OperatorRole.SUPPORT);
        assertThrows(AccessDenied.class, () -> submit.submit(support,
                new BillRunFile(InputStream.nullInputStream(), BillRunFile.Format.CSV)));
        assertEquals(List.of(), filesRead, "refused before the file is read");

        BillRun run = submit.submit(billing, new BillRunFile(InputStream.nullInputStream(), BillRunFile.Format.CSV));
        assertEquals(List.of(BillRunFile.Format.CSV), filesRead);
        assertEquals(3, run.lines());
        assertEquals(BillRun.Status.POSTING, run.status());
    }
}
