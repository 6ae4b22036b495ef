package dev.billingportal.application.service.billing;

import static dev.billingportal.application.service.billing.Postings.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.billing.TransactionFilter;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.ProfileEdit;
import dev.billingportal.testing.InMemoryPortal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Spec §5's history: newest first, filtered in the reader's own time zone, keyset pages, and all of it for CSV. */
class TransactionQueryServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final PostTransactionService posting = new PostTransactionService(portal.stores.unitOfWork(),
            portal.stores.accounts(), portal.stores.ledgers(), portal.stores.transactions(), portal.stores.invoices(),
            portal.stores.users(), portal.recorder, portal.clock);
    private final TransactionQueryService service = new TransactionQueryService(portal.stores.unitOfWork(),
            portal.stores.accounts(), portal.stores.users(), portal.stores.transactions());
    private final Account account = portal.account();

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
            Page<Transaction> page = service.list(Actor.OPERATOR, account.id(), TransactionFilter.none(),
                    new PageRequest(cursor, 3));
            page.items().forEach(transaction -> walked.add(transaction.sequence()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertEquals(List.of(7L, 6L, 5L, 4L, 3L, 2L, 1L), walked);
    }

    @Test
    void datesAreTheReadersOwn() {
        PortalUser vancouver = reader("America/Vancouver");
        posting.post(command(account.id(), "k1", Postings.of("PAYMENT", "1.00", "2026-11-01T04:30:00Z", "EARLY")));
        posting.post(command(account.id(), "k2", Postings.of("PAYMENT", "2.00", "2026-11-01T08:30:00Z", "LATER")));
        TransactionFilter october31 = TransactionFilter.of(List.of(), "2026-10-31", "2026-10-31", null);

        List<String> inVancouver = service.list(InMemoryPortal.actor(vancouver), account.id(), october31,
                PageRequest.first(50)).items().stream().map(Transaction::reference).toList();
        List<String> inUtc = service.list(Actor.OPERATOR, account.id(), october31, PageRequest.first(50)).items()
                .stream().map(Transaction::reference).toList();

        assertEquals(List.of("EARLY"), inVancouver, "04:30Z on the 1st is 21:30 on the 31st in Vancouver");
        assertEquals(List.of(), inUtc);
    }

    @Test
    void typesAndTextFilterTogether() {
        post(3);
        posting.post(command(account.id(), "refund", Postings.of("REFUND", "1.00", null, "Refund PAY-2")));

        List<String> found = service.list(Actor.OPERATOR, account.id(), TransactionFilter.of(List.of("PAYMENT,REFUND"),
                null, null, "pay-2"), PageRequest.first(50)).items().stream().map(Transaction::reference).toList();
        List<String> refunds = service.list(Actor.OPERATOR, account.id(), TransactionFilter.of(List.of("REFUND"),
                null, null, "pay-2"), PageRequest.first(50)).items().stream().map(Transaction::reference).toList();

        assertEquals(List.of("Refund PAY-2", "PAY-2"), found);
        assertEquals(List.of("Refund PAY-2"), refunds);
    }

    @Test
    void anExportHandsOverEveryMatchingRowInBatches() {
        post(TransactionQueryService.EXPORT_BATCH + 3);
        List<Long> exported = new ArrayList<>();

        service.export(Actor.OPERATOR, account.id(), TransactionFilter.none(), row -> exported.add(row.sequence()));

        assertEquals(TransactionQueryService.EXPORT_BATCH + 3, exported.size());
        assertEquals(TransactionQueryService.EXPORT_BATCH + 3L, exported.get(0));
        assertEquals(1L, exported.get(exported.size() - 1));
    }

    @Test
    void aBadFilterOrCursorNamesItsFieldAndAnotherAccountIsNotFound() {
        InvalidInput backwards = assertThrows(InvalidInput.class, () -> TransactionFilter.of(List.of("GIFT"),
                "2026-11-02", "2026-11-01", "x\ny"));
        assertEquals(List.of("types", "text", "to"), backwards.errors().stream()
                .map(error -> error.field().toString()).toList());
        assertThrows(InvalidInput.class, () -> service.list(Actor.OPERATOR, account.id(), TransactionFilter.none(),
                new PageRequest(Optional.of("junk"), 10)));
        PortalUser stranger = portal.active(portal.account(), "Stranger", false);
        assertThrows(NotFound.class, () -> service.list(InMemoryPortal.actor(stranger), account.id(),
                TransactionFilter.none(), PageRequest.first(10)));
        assertThrows(NotFound.class, () -> service.checkExport(InMemoryPortal.actor(stranger), account.id(),
                TransactionFilter.none()));
    }
}
