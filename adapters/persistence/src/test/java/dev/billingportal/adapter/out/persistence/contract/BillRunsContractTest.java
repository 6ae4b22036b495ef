package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.billing.TransactionRequest;
import dev.billingportal.application.port.out.BillRuns;
import dev.billingportal.domain.access.ActorKind;
import dev.billingportal.domain.access.ActorRef;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.Decimal;
import dev.billingportal.domain.billing.InvoiceDraft;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.TransactionType;
import dev.billingportal.domain.billrun.BillRun;
import dev.billingportal.domain.billrun.BillRunError;
import dev.billingportal.domain.billrun.BillRunId;
import dev.billingportal.testing.Stores;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

/** What the bill-run services rely on from {@code BillRuns}. */
class BillRunsContractTest {
    private static final ActorRef SENDER = new ActorRef(ActorKind.API_KEY, Optional.of(UUID.randomUUID()),
            "Month-end billing");
    private static final Duration LEASE = Duration.ofSeconds(30);

    private static TransactionRequest invoice(String number) {
        return new TransactionRequest(TransactionType.INVOICE, Decimal.parse("113.00"), Optional.of(CurrencyCode.CAD),
                Optional.of(Instant.parse("2026-11-25T08:00:00Z")), Optional.of("BILLRUN-2026-11"),
                Optional.of("November — services « PBX »"), Optional.empty(), Optional.of(new InvoiceDraft(number,
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-31"),
                List.of(new InvoiceDraft.LineDraft("Hosted PBX seat", Decimal.parse("10"), Decimal.parse("10.00"),
                        Decimal.parse("100.00"))),
                List.of(new InvoiceDraft.TaxDraft("HST", Decimal.parse("13"), Decimal.parse("13.00"))))));
    }

    private static TransactionRequest payment() {
        return new TransactionRequest(TransactionType.PAYMENT, Decimal.parse("5.5"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(InvoiceId.random()),
                Optional.empty());
    }

    /** A run of {@code lines} checked lines, left POSTING; created a second later than {@code NOW} per call. */
    private static BillRun posting(Stores stores, Instant createdAt, List<BillRuns.Line> lines) {
        BillRun run = BillRun.validating(BillRunId.random(), SENDER, createdAt);
        stores.unitOfWork().inTransaction(() -> stores.billRuns().add(run));
        stores.unitOfWork().inTransaction(() -> stores.billRuns().addLines(run.id(), lines));
        run.validated(lines.size(), List.of(), createdAt);
        stores.unitOfWork().inTransaction(() -> stores.billRuns().update(run));
        return run;
    }

    /** Settles every pending line, so the run takes no part in another test's claims. */
    private static void finish(Stores stores, BillRun run) {
        stores.unitOfWork().inTransaction(() -> {
            BillRun locked = stores.billRuns().lock(run.id()).orElseThrow();
            locked.progressed(0, locked.remaining(), NOW);
            stores.billRuns().update(locked);
        });
    }

    @EveryStore
    void aRunIsKeptWithWhoSentItItsCountsAndItsReportInLineOrder(Stores stores) {
        BillRun run = BillRun.validating(BillRunId.random(), SENDER, NOW);
        stores.unitOfWork().inTransaction(() -> stores.billRuns().add(run));
        assertEquals(BillRun.Status.VALIDATING, stores.unitOfWork().inTransaction(() -> stores.billRuns()
                .find(run.id())).orElseThrow().status());

        run.validated(10_000, List.of(new BillRunError(7_412, "invoice.lines[2].amount",
                        "must equal quantity × unit price, 30.00"), new BillRunError(12, "accountNumber",
                        "is not an account's number")), NOW.plusSeconds(3));
        stores.unitOfWork().inTransaction(() -> stores.billRuns().update(run));

        BillRun found = stores.unitOfWork().inTransaction(() -> stores.billRuns().find(run.id())).orElseThrow();
        assertEquals(BillRun.Status.REJECTED, found.status());
        assertEquals(10_000, found.lines());
        assertEquals(SENDER, found.createdBy());
        assertEquals(NOW, found.createdAt());
        assertEquals(Optional.of(NOW.plusSeconds(3)), found.finishedAt());
        assertEquals(List.of(12L, 7_412L), found.errors().stream().map(BillRunError::line).toList());
        assertEquals("must equal quantity × unit price, 30.00", found.errors().get(1).message());
        assertEquals(Optional.empty(), stores.unitOfWork().inTransaction(() -> stores.billRuns()
                .find(BillRunId.random())));
    }

    @EveryStore
    void linesComeBackPendingByAccountInFileOrderAsTheRequestsThatWereStored(Stores stores) {
        Account first = account(stores);
        Account second = account(stores);
        List<BillRuns.Line> lines = List.of(
                new BillRuns.Line(1, first.id(), "inv-1", invoice("INV-1")),
                new BillRuns.Line(2, second.id(), "pay-1", payment()),
                new BillRuns.Line(3, first.id(), "pay-1", payment()),
                new BillRuns.Line(4, second.id(), "inv-2", invoice("INV-2")));
        BillRun run = posting(stores, NOW, lines);

        assertEquals(List.of(lines.get(0), lines.get(2)), stores.unitOfWork().inTransaction(() ->
                stores.billRuns().pendingLines(run.id(), first.id())));
        assertEquals(Set.of(first.id(), second.id()), Set.copyOf(stores.unitOfWork().inTransaction(() ->
                stores.billRuns().accountsPending(run.id(), Optional.empty(), 10))));

        stores.unitOfWork().inTransaction(() -> {
            stores.billRuns().settle(run.id(), List.of(1L), BillRuns.Outcome.POSTED);
            stores.billRuns().settle(run.id(), List.of(3L), BillRuns.Outcome.REPLAYED);
        });
        assertEquals(List.of(), stores.unitOfWork().inTransaction(() ->
                stores.billRuns().pendingLines(run.id(), first.id())));
        assertEquals(List.of(second.id()), stores.unitOfWork().inTransaction(() ->
                stores.billRuns().accountsPending(run.id(), Optional.empty(), 10)));
        assertThrows(IllegalStateException.class, () -> stores.unitOfWork().inTransaction(() ->
                stores.billRuns().settle(run.id(), List.of(2L, 3L), BillRuns.Outcome.POSTED)),
                "a line is settled once");
        assertEquals(List.of(lines.get(1), lines.get(3)), stores.unitOfWork().inTransaction(() ->
                stores.billRuns().pendingLines(run.id(), second.id())), "what was refused settled nothing");
        finish(stores, run);
    }

    @EveryStore
    void theAccountsStillToPostComeInPagesEachOnce(Stores stores) {
        List<AccountId> accounts = new ArrayList<>();
        List<BillRuns.Line> lines = new ArrayList<>();
        LongStream.rangeClosed(1, 7).forEach(number -> {
            AccountId account = account(stores).id();
            accounts.add(account);
            lines.add(new BillRuns.Line(number, account, "k" + number, payment()));
        });
        BillRun run = posting(stores, NOW, lines);

        Set<AccountId> seen = new HashSet<>();
        Optional<AccountId> after = Optional.empty();
        for (int page = 0; page < 10; page++) {
            Optional<AccountId> from = after;
            List<AccountId> found = stores.unitOfWork().inTransaction(() ->
                    stores.billRuns().accountsPending(run.id(), from, 3));
            if (found.isEmpty()) {
                break;
            }
            assertTrue(found.size() <= 3);
            found.forEach(account -> assertTrue(seen.add(account), "each account once"));
            after = Optional.of(found.getLast());
        }
        assertEquals(Set.copyOf(accounts), seen);
        finish(stores, run);
    }

    @EveryStore
    void oneHolderAtATimeUntilItsLeaseRunsOut(Stores stores) {
        Instant now = Instant.now();
        BillRun run = posting(stores, NOW.minusSeconds(3_600), List.of(new BillRuns.Line(1, account(stores).id(),
                "k1", payment())));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Optional<BillRunId> claimed = claimOurs(stores, run, first, now);
        assertEquals(Optional.of(run.id()), claimed);
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.billRuns().renew(run.id(), first, now, LEASE)));
        assertEquals(Optional.empty(), claimOurs(stores, run, second, now.plusSeconds(29)), "held by the first");

        assertEquals(Optional.of(run.id()), claimOurs(stores, run, second, now.plusSeconds(31)), "the lease ran out");
        assertFalse(stores.unitOfWork().inTransaction(() -> stores.billRuns().renew(run.id(), first,
                now.plusSeconds(31), LEASE)), "the first holder lost it");
        stores.unitOfWork().inTransaction(() -> stores.billRuns().release(run.id(), first));
        assertEquals(Optional.empty(), claimOurs(stores, run, first, now.plusSeconds(32)), "not released by another");

        stores.unitOfWork().inTransaction(() -> stores.billRuns().release(run.id(), second));
        assertEquals(Optional.of(run.id()), claimOurs(stores, run, first, now.plusSeconds(32)));
        finish(stores, run);
        assertFalse(stores.unitOfWork().inTransaction(() -> stores.billRuns().renew(run.id(), first,
                now.plusSeconds(33), LEASE)), "a finished run is nobody's");
        assertEquals(Optional.empty(), claimOurs(stores, run, second, now.plusSeconds(99)), "nor claimed again");
    }

    /** Claims until this run comes (other tests' runs, finished, are never claimed; any other is let go). */
    private static Optional<BillRunId> claimOurs(Stores stores, BillRun run, UUID holder, Instant now) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<BillRunId> claimed = stores.unitOfWork().inTransaction(() ->
                    stores.billRuns().claim(holder, now, LEASE));
            if (claimed.isEmpty() || claimed.get().equals(run.id())) {
                return claimed;
            }
        }
        throw new AssertionError("other runs kept coming");
    }

    @EveryStore
    void runsAreListedNewestFirstPageAfterPage(Stores stores) {
        Instant base = Instant.parse("2099-01-01T00:00:00Z"); // newer than every other test's runs
        List<BillRun> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            BillRun run = BillRun.validating(BillRunId.random(), SENDER, base.plusSeconds(i));
            stores.unitOfWork().inTransaction(() -> stores.billRuns().add(run));
            runs.add(run);
        }
        List<BillRun> firstPage = stores.unitOfWork().inTransaction(() -> stores.billRuns().list(Optional.empty(), 2));
        assertEquals(List.of(runs.get(2).id(), runs.get(1).id()), firstPage.stream().map(BillRun::id).toList());
        BillRun last = firstPage.getLast();
        List<BillRun> next = stores.unitOfWork().inTransaction(() -> stores.billRuns().list(Optional.of(
                new BillRuns.Position(last.createdAt(), last.id())), 1));
        assertEquals(List.of(runs.get(0).id()), next.stream().map(BillRun::id).toList());
        stores.unitOfWork().inTransaction(() -> runs.forEach(run -> {
            run.validated(0, List.of(), base);
            stores.billRuns().update(run);
        }));
    }

    @EveryStore
    void aRejectedRunsLinesAreForgotten(Stores stores) {
        Account account = account(stores);
        BillRun run = BillRun.validating(BillRunId.random(), SENDER, NOW);
        stores.unitOfWork().inTransaction(() -> stores.billRuns().add(run));
        stores.unitOfWork().inTransaction(() -> stores.billRuns().addLines(run.id(),
                List.of(new BillRuns.Line(1, account.id(), "k1", payment()))));
        stores.unitOfWork().inTransaction(() -> stores.billRuns().deleteLines(run.id()));
        assertEquals(List.of(), stores.unitOfWork().inTransaction(() ->
                stores.billRuns().pendingLines(run.id(), account.id())));
    }
}
