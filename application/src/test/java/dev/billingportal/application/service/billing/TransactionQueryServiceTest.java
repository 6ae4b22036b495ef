package dev.billingportal.application.service.billing;

import static dev.billingportal.application.service.billing.Postings.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.billing.HistoryEntry;
import dev.billingportal.application.port.in.billing.TransactionFilter;
import dev.billingportal.application.port.out.HistorySheets;
import dev.billingportal.application.service.paging.KeysetCursor;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.ProfileEdit;
import dev.billingportal.testing.InMemoryPortal;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Spec §5's history: newest first, filtered in the reader's own time zone, keyset pages, and all of it for CSV. */
class TransactionQueryServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final PostTransactionService posting = portal.postTransaction();
    private final TransactionQueryService service = new TransactionQueryService(portal.stores.unitOfWork(),
            portal.stores.accounts(), portal.stores.users(), portal.stores.transactions(), portal.stores.transactions().history(),
            TransactionQueryServiceTest::sheet);
    private final Account account = portal.account();

    /** A sheet of one line per row, its sequence; the CSV adapter's format has tests of its own. */
    private static HistorySheets.Writer sheet(OutputStream out) {
        PrintStream lines = new PrintStream(out, false, StandardCharsets.UTF_8);
        lines.println("sequence");
        return new HistorySheets.Writer() {
            @Override
            public void row(Transaction transaction) {
                lines.println(transaction.sequence());
            }

            @Override
            public void finish() {
                lines.flush();
            }
        };
    }

    private void post(int count) {
        for (int i = 1; i <= count; i++) {
            posting.post(command(account.id(), "key-" + i, Postings.of("PAYMENT", i + ".00", null, "PAY-" + i)));
        }
    }

    private PortalUser reader(String zone) {
        PortalUser user = portal.active(account, "Reader", false);
        user.edit(new ProfileEdit(null, new PersonName("Reader"), user.lastName(), ZoneId.of(zone), false),
                portal.clock.instant());
        return portal.stores.users().update(user);
    }

    @Test
    void keysetPagesWalkTheHistoryNewestFirstWithNoRowMissedOrRepeated() {
        post(7);
        List<Long> walked = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Transaction> page = service.list(Actor.INSTALLATION, account.id(), TransactionFilter.none(),
                    new PageRequest(cursor, 3));
            page.items().forEach(transaction -> walked.add(transaction.sequence()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertEquals(List.of(7L, 6L, 5L, 4L, 3L, 2L, 1L), walked);
    }

    @Test
    void olderThenNewerWalksDownAndBackUpWhileTransactionsArePostedMeanwhile() {
        post(10);
        List<List<Long>> down = new ArrayList<>();
        Page<Transaction> page = service.list(Actor.INSTALLATION, account.id(), TransactionFilter.none(),
                PageRequest.first(3));
        assertEquals(Optional.empty(), page.previousCursor(), "nothing is newer than the first page");
        down.add(sequences(page));
        int posted = 10;
        while (page.nextCursor().isPresent()) {
            posting.post(command(account.id(), "meanwhile-" + ++posted, Postings.of("PAYMENT", "1.00", null, "NEW")));
            page = service.list(Actor.INSTALLATION, account.id(), TransactionFilter.none(),
                    new PageRequest(page.nextCursor(), 3));
            down.add(sequences(page));
        }
        assertEquals(List.of(List.of(10L, 9L, 8L), List.of(7L, 6L, 5L), List.of(4L, 3L, 2L), List.of(1L)), down,
                "every row once, in order, however many were posted above");

        List<List<Long>> up = new ArrayList<>();
        while (page.previousCursor().isPresent()) {
            page = service.list(Actor.INSTALLATION, account.id(), TransactionFilter.none(),
                    new PageRequest(page.previousCursor(), 3));
            up.add(sequences(page));
        }
        assertEquals(List.of(List.of(4L, 3L, 2L), List.of(7L, 6L, 5L), List.of(10L, 9L, 8L), List.of(13L, 12L, 11L)),
                up, "back up the same pages, then the top as it is now");
        assertEquals(Optional.of(List.of(10L, 9L, 8L)), page.nextCursor().map(older -> sequences(service.list(
                Actor.INSTALLATION, account.id(), TransactionFilter.none(), new PageRequest(Optional.of(older), 3)))));
    }

    @Test
    void newerThanAnAlmostTopPageIsTheFullFirstPage() {
        post(5);
        Page<Transaction> second = service.list(Actor.INSTALLATION, account.id(), TransactionFilter.none(),
                new PageRequest(service.list(Actor.INSTALLATION, account.id(), TransactionFilter.none(),
                        PageRequest.first(2)).nextCursor(), 2));
        Page<Transaction> firstOfThree = service.list(Actor.INSTALLATION, account.id(), TransactionFilter.none(),
                new PageRequest(Optional.empty(), 3));
        assertEquals(List.of(3L, 2L), sequences(second));

        Page<Transaction> back = service.list(Actor.INSTALLATION, account.id(), TransactionFilter.none(),
                new PageRequest(second.previousCursor(), 3));

        assertEquals(sequences(firstOfThree), sequences(back), "only 5 and 4 are above 3: the top, full, instead");
        assertEquals(Optional.empty(), back.previousCursor());
    }

    private static List<Long> sequences(Page<Transaction> page) {
        return page.items().stream().map(Transaction::sequence).toList();
    }

    /**
     * The API's read path gives the pages {@link TransactionQueryService#list} gives — the same rows, cursors both
     * ways, filters and dates in the reader's zone — and a portal user's page without dates opens no unit of work.
     */
    @Test
    void theApisHistoryPagesAreTheListsPagesAndAPlainPageNeedsNoUnitOfWork() {
        post(10);
        posting.post(command(account.id(), "refund", Postings.of("REFUND", "1.00", "2026-10-31T23:30:00Z",
                "Refund PAY-2")));
        PortalUser reader = reader("America/Vancouver");
        Actor user = InMemoryPortal.actor(reader);
        List<TransactionFilter> filters = List.of(TransactionFilter.none(),
                TransactionFilter.of(List.of("PAYMENT,REFUND"), null, null, "pay-"),
                TransactionFilter.of(List.of(), "2026-10-31", "2026-10-31", null));
        for (Actor actor : List.of(user, Actor.INSTALLATION)) {
            for (TransactionFilter filter : filters) {
                Page<Transaction> listed = service.list(actor, account.id(), filter, PageRequest.first(3));
                Page<HistoryEntry> read = service.page(actor, account.id(), filter, PageRequest.first(3));
                int pages = 0;
                while (true) {
                    assertEquals(sequences(listed), read.items().stream().map(HistoryEntry::sequence).toList());
                    assertEquals(listed.nextCursor(), read.nextCursor());
                    assertEquals(listed.previousCursor(), read.previousCursor());
                    assertEquals(listed.items().stream().map(t -> t.balanceAfter() + " " + t.reference()).toList(),
                            read.items().stream().map(e -> e.balanceAfter() + " " + e.reference()).toList());
                    if (listed.nextCursor().isEmpty() || ++pages > 5) {
                        break;
                    }
                    listed = service.list(actor, account.id(), filter, new PageRequest(listed.nextCursor(), 3));
                    read = service.page(actor, account.id(), filter, new PageRequest(read.nextCursor(), 3));
                }
                Page<Transaction> back = service.list(actor, account.id(), filter,
                        new PageRequest(listed.previousCursor(), 3));
                Page<HistoryEntry> readBack = service.page(actor, account.id(), filter,
                        new PageRequest(read.previousCursor(), 3));
                assertEquals(sequences(back), readBack.items().stream().map(HistoryEntry::sequence).toList());
            }
        }

        int commits = portal.stores.unitOfWork().commits();
        service.page(user, account.id(), TransactionFilter.none(), PageRequest.first(3));
        assertEquals(commits, portal.stores.unitOfWork().commits(), "a plain page is its query alone");
        service.page(user, account.id(), filters.get(2), PageRequest.first(3));
        assertEquals(commits + 1, portal.stores.unitOfWork().commits(), "dates need the reader's zone");
        assertThrows(InvalidInput.class, () -> service.page(user, account.id(), TransactionFilter.none(),
                new PageRequest(Optional.of("junk"), 10)));
    }

    @Test
    void datesAreTheReadersOwn() {
        PortalUser vancouver = reader("America/Vancouver");
        posting.post(command(account.id(), "k1", Postings.of("PAYMENT", "1.00", "2026-11-01T04:30:00Z", "EARLY")));
        posting.post(command(account.id(), "k2", Postings.of("PAYMENT", "2.00", "2026-11-01T08:30:00Z", "LATER")));
        TransactionFilter october31 = TransactionFilter.of(List.of(), "2026-10-31", "2026-10-31", null);

        List<String> inVancouver = service.list(InMemoryPortal.actor(vancouver), account.id(), october31,
                PageRequest.first(50)).items().stream().map(Transaction::reference).toList();
        List<String> inUtc = service.list(Actor.INSTALLATION, account.id(), october31, PageRequest.first(50)).items()
                .stream().map(Transaction::reference).toList();

        assertEquals(List.of("EARLY"), inVancouver, "04:30Z on the 1st is 21:30 on the 31st in Vancouver");
        assertEquals(List.of(), inUtc);
    }

    @Test
    void typesAndTextFilterTogether() {
        post(3);
        posting.post(command(account.id(), "refund", Postings.of("REFUND", "1.00", null, "Refund PAY-2")));

        List<String> found = service.list(Actor.INSTALLATION, account.id(), TransactionFilter.of(List.of("PAYMENT,REFUND"),
                null, null, "pay-2"), PageRequest.first(50)).items().stream().map(Transaction::reference).toList();
        List<String> refunds = service.list(Actor.INSTALLATION, account.id(), TransactionFilter.of(List.of("REFUND"),
                null, null, "pay-2"), PageRequest.first(50)).items().stream().map(Transaction::reference).toList();

        assertEquals(List.of("Refund PAY-2", "PAY-2"), found);
        assertEquals(List.of("Refund PAY-2"), refunds);
    }

    @Test
    void anExportHandsOverEveryMatchingRowInBatches() {
        post(TransactionQueryService.EXPORT_BATCH + 3);
        List<Long> exported = new ArrayList<>();

        service.export(Actor.INSTALLATION, account.id(), TransactionFilter.none(), row -> exported.add(row.sequence()));

        assertEquals(TransactionQueryService.EXPORT_BATCH + 3, exported.size());
        assertEquals(TransactionQueryService.EXPORT_BATCH + 3L, exported.get(0));
        assertEquals(1L, exported.get(exported.size() - 1));
    }

    @Test
    void aCsvExportIsTheFilteredHistoryNewestFirst() {
        post(3);
        posting.post(command(account.id(), "refund", Postings.of("REFUND", "1.00", null, "Refund PAY-2")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        service.exportCsv(Actor.INSTALLATION, account.id(), TransactionFilter.of(List.of("PAYMENT"), null, null, null), out);

        assertEquals("sequence\n3\n2\n1\n", out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    @Test
    void aBadFilterOrCursorNamesItsFieldAndAnotherAccountIsNotFound() {
        InvalidInput backwards = assertThrows(InvalidInput.class, () -> TransactionFilter.of(List.of("GIFT"),
                "2026-11-02", "2026-11-01", "x\ny"));
        assertEquals(List.of("types", "text", "to"), backwards.errors().stream()
                .map(error -> error.field().toString()).toList());
        assertThrows(InvalidInput.class, () -> service.list(Actor.INSTALLATION, account.id(), TransactionFilter.none(),
                new PageRequest(Optional.of("junk"), 10)));
        for (String[] forged : List.of(new String[]{"0"}, new String[]{"above", "-1"}, new String[]{"above", "x"},
                new String[]{"sideways", "3"}, new String[]{"above", "3", "4"})) {
            assertThrows(InvalidInput.class, () -> service.list(Actor.INSTALLATION, account.id(), TransactionFilter.none(),
                    new PageRequest(Optional.of(KeysetCursor.encode(forged)), 10)), String.join("|", forged));
        }
        PortalUser stranger = portal.active(portal.account(), "Stranger", false);
        assertThrows(NotFound.class, () -> service.list(InMemoryPortal.actor(stranger), account.id(),
                TransactionFilter.none(), PageRequest.first(10)));
        assertThrows(NotFound.class, () -> service.checkExport(InMemoryPortal.actor(stranger), account.id(),
                TransactionFilter.none()));
    }
}
