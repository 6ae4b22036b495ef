package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.account;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ActorKind;
import dev.billingportal.domain.access.ActorRef;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.audit.AuditSubject;
import dev.billingportal.domain.audit.Reason;
import dev.billingportal.domain.user.FieldChange;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.Stores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the services rely on from {@code AuditLog}. */
class AuditLogContractTest {

    @EveryStore
    void eventsAreReadNewestFirstPageByPageEvenWhenTheyShareAnInstant(Stores stores) {
        Account account = account(stores);
        PortalUser ann = user(stores, account, "ann", false);
        List<AuditEvent> recorded = new ArrayList<>();
        stores.unitOfWork().inTransaction(() -> {
            for (int i = 0; i < 5; i++) {
                // three share one instant: the id breaks the tie, the same way in every store
                AuditEvent event = AuditEvent.about(ann, Actor.INSTALLATION, AuditAction.USER_EDITED,
                        List.of(new FieldChange("firstName", "Zoë", "Zoé " + i)), NOW.plusSeconds(Math.min(i, 2)));
                stores.auditLog().record(event);
                recorded.add(event);
            }
        });
        user(stores, account(stores), "elsewhere", false);

        List<AuditEvent> first = stores.unitOfWork().inTransaction(
                () -> stores.auditLog().newestFirst(account.id(), true, Optional.empty(), 2));
        AuditEvent last = first.get(1);
        List<AuditEvent> rest = stores.unitOfWork().inTransaction(() -> stores.auditLog().newestFirst(account.id(), true,
                Optional.of(new AuditLog.Position(last.occurredAt(), last.id())), 10));

        List<AuditEvent> walked = new ArrayList<>(first);
        walked.addAll(rest);
        assertEquals(5, walked.size(), "every event once: " + walked);
        assertEquals(recorded.stream().map(AuditEvent::id).sorted().toList(),
                walked.stream().map(AuditEvent::id).sorted().toList());
        for (int i = 1; i < walked.size(); i++) {
            AuditEvent newer = walked.get(i - 1);
            AuditEvent older = walked.get(i);
            boolean ordered = newer.occurredAt().isAfter(older.occurredAt())
                    || (newer.occurredAt().equals(older.occurredAt())
                    && newer.id().toString().compareTo(older.id().toString()) > 0);
            assertEquals(true, ordered, "newest first, ties by id as text: " + walked);
        }
        AuditEvent newest = walked.get(0);
        assertEquals(recorded.stream().filter(event -> event.id().equals(newest.id())).findFirst().orElseThrow()
                .changes(), newest.changes(), "the changes are kept");
    }

    private static AuditEvent byOperator(UUID operator, Optional<Account> account, AuditAction action, Instant at,
                                         String reason) {
        ActorRef actor = new ActorRef(ActorKind.OPERATOR, Optional.of(operator), "Sam Operator");
        return new AuditEvent(UUID.randomUUID(), account.map(Account::id), at, actor, action,
                Optional.of(new AuditSubject(AuditSubject.Kind.ACCOUNT, UUID.randomUUID(), "ACC-1")), List.of(),
                Optional.ofNullable(reason).map(Reason::new), Optional.empty());
    }

    private static List<UUID> provider(Stores stores, AuditLog.ProviderFilter filter) {
        return stores.unitOfWork().inTransaction(() -> stores.auditLog().providerNewestFirst(filter, Optional.empty(),
                50)).stream().map(AuditEvent::id).toList();
    }

    @EveryStore
    void theProvidersAuditIsFilteredByActorAccountActionAndTime(Stores stores) {
        Account account = account(stores);
        Account other = account(stores);
        UUID sam = UUID.randomUUID();
        AuditEvent created = byOperator(sam, Optional.of(account), AuditAction.ACCOUNT_CREATED, NOW, null);
        AuditEvent posted = byOperator(sam, Optional.of(account), AuditAction.TRANSACTION_POSTED, NOW.plusSeconds(10),
                "Goodwill credit");
        AuditEvent elsewhere = byOperator(sam, Optional.of(other), AuditAction.TRANSACTION_POSTED,
                NOW.plusSeconds(20), null);
        AuditEvent roleChanged = byOperator(sam, Optional.empty(), AuditAction.OPERATOR_ROLE_CHANGED,
                NOW.plusSeconds(30), null);
        AuditEvent someoneElse = byOperator(UUID.randomUUID(), Optional.of(account), AuditAction.TRANSACTION_POSTED,
                NOW.plusSeconds(40), null);
        stores.unitOfWork().inTransaction(() -> List.of(created, posted, elsewhere, roleChanged, someoneElse)
                .forEach(stores.auditLog()::record));
        Optional<UUID> bySam = Optional.of(sam);

        assertEquals(List.of(roleChanged.id(), elsewhere.id(), posted.id(), created.id()),
                provider(stores, new AuditLog.ProviderFilter(bySam, Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty())), "by actor, newest first");
        assertEquals(List.of(someoneElse.id(), posted.id(), created.id()),
                provider(stores, new AuditLog.ProviderFilter(Optional.empty(), Optional.of(account.id()),
                        Optional.empty(), Optional.empty(), Optional.empty())), "by account");
        assertEquals(List.of(elsewhere.id(), posted.id()),
                provider(stores, new AuditLog.ProviderFilter(bySam, Optional.empty(),
                        Optional.of(AuditAction.TRANSACTION_POSTED), Optional.empty(), Optional.empty())),
                "by action");
        assertEquals(List.of(elsewhere.id(), posted.id()),
                provider(stores, new AuditLog.ProviderFilter(bySam, Optional.empty(), Optional.empty(),
                        Optional.of(NOW.plusSeconds(10)), Optional.of(NOW.plusSeconds(30)))),
                "from is inclusive, to is not");
        AuditEvent read = stores.unitOfWork().inTransaction(() -> stores.auditLog().providerNewestFirst(
                new AuditLog.ProviderFilter(bySam, Optional.of(account.id()),
                        Optional.of(AuditAction.TRANSACTION_POSTED), Optional.empty(), Optional.empty()),
                Optional.empty(), 5)).get(0);
        assertEquals(posted, read, "every field comes back: actor, subject, reason");
    }

    @EveryStore
    void eachAuditSeesItsOwnEntries(Stores stores) {
        Account account = account(stores);
        PortalUser ann = user(stores, account, "ann", false);
        AuditEvent annSignedIn = AuditEvent.about(ann, new Actor.PortalUserActor(ann.id(), account.id(),
                ann.username().value()), AuditAction.SIGNED_IN, NOW);
        AuditEvent posted = byOperator(UUID.randomUUID(), Optional.of(account), AuditAction.TRANSACTION_POSTED,
                NOW.plusSeconds(1), null);
        AuditEvent restored = AuditEvent.about(ann, Actor.INSTALLATION, AuditAction.USER_RESTORED, NOW.plusSeconds(2))
                .because(Optional.of(new Reason("Deleted by mistake")));
        stores.unitOfWork().inTransaction(() -> List.of(annSignedIn, posted, restored)
                .forEach(stores.auditLog()::record));

        assertEquals(List.of(restored.id(), annSignedIn.id()), stores.unitOfWork().inTransaction(
                () -> stores.auditLog().newestFirst(account.id(), true, Optional.empty(), 10)).stream()
                .map(AuditEvent::id).toList(), "the customer sees what was done to and by its users");
        assertEquals(List.of(restored.id(), posted.id(), annSignedIn.id()), stores.unitOfWork().inTransaction(
                () -> stores.auditLog().newestFirst(account.id(), false, Optional.empty(), 10)).stream()
                .map(AuditEvent::id).toList(), "support sees everything about the account");
        assertEquals(List.of(restored.id(), posted.id()), provider(stores, new AuditLog.ProviderFilter(
                Optional.empty(), Optional.of(account.id()), Optional.empty(), Optional.empty(), Optional.empty())),
                "the provider's audit: what the provider's side did");
    }

    @EveryStore
    void retentionDeletesOnlyWhatIsOlderThanItsLimitAndAtMostABatch(Stores stores) {
        Account account = account(stores);
        UUID sam = UUID.randomUUID();
        Instant longAgo = NOW.minus(java.time.Duration.ofDays(4000));
        stores.unitOfWork().inTransaction(() -> {
            for (int i = 0; i < 3; i++) {
                stores.auditLog().record(byOperator(sam, Optional.of(account), AuditAction.TRANSACTION_POSTED,
                        longAgo.plusSeconds(i), null));
            }
            stores.auditLog().record(byOperator(sam, Optional.of(account), AuditAction.TRANSACTION_POSTED, NOW, null));
        });
        AuditLog.ProviderFilter bySam = new AuditLog.ProviderFilter(Optional.of(sam), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());

        int deleted = 0;
        for (int batch = 0; batch < 100 && provider(stores, bySam).size() > 1; batch++) {
            deleted += stores.unitOfWork().inTransaction(() -> stores.auditLog().deleteBefore(longAgo.plusSeconds(3), 2));
        }
        assertTrue(deleted >= 3, "the old entries went, in batches of at most two: " + deleted);
        assertEquals(1, provider(stores, bySam).size(), "the recent entry stays");
    }
}
