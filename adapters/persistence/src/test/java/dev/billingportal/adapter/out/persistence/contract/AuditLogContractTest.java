package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.account;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.user.FieldChange;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
                AuditEvent event = AuditEvent.about(ann, Actor.OPERATOR, AuditAction.USER_EDITED,
                        List.of(new FieldChange("firstName", "Zoë", "Zoé " + i)), NOW.plusSeconds(Math.min(i, 2)));
                stores.auditLog().record(event);
                recorded.add(event);
            }
        });
        user(stores, account(stores), "elsewhere", false);

        List<AuditEvent> first = stores.unitOfWork().inTransaction(
                () -> stores.auditLog().newestFirst(account.id(), Optional.empty(), 2));
        AuditEvent last = first.get(1);
        List<AuditEvent> rest = stores.unitOfWork().inTransaction(() -> stores.auditLog().newestFirst(account.id(),
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
}
