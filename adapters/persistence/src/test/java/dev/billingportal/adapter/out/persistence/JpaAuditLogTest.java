package dev.billingportal.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.user.FieldChange;
import dev.billingportal.domain.user.PortalUserId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpaAuditLogTest {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    @TempDir
    Path folder;
    private Database database;
    private JpaUnitOfWork unitOfWork;
    private JpaAuditLog auditLog;
    private AccountId account;

    @BeforeEach
    void open() {
        database = TestDatabase.open(folder);
        unitOfWork = new JpaUnitOfWork(database.entityManagerFactory());
        auditLog = new JpaAuditLog(unitOfWork);
        account = AccountId.random();
        unitOfWork.inTransaction(() -> new JpaAccounts(unitOfWork).add(new Account(account,
                new AccountNumber("ACC-000001"), new AccountName("Acme"), CurrencyCode.CAD, T0)));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private AuditEvent event(Instant at, Actor actor, AuditAction action) {
        return new AuditEvent(UUID.randomUUID(), account, at, actor, action, PortalUserId.random(), "bob@example.com",
                List.of(new FieldChange("firstName", "Bob", "Robert")));
    }

    @Test
    void everyKindOfActorAndItsChangesRoundTripIncludingNullIds() {
        PortalUserId ann = PortalUserId.random();
        unitOfWork.inTransaction(() -> {
            auditLog.record(event(T0, Actor.OPERATOR, AuditAction.USER_ADDED));
            auditLog.record(event(T0.plusSeconds(1), new Actor.PortalUserActor(ann, account, "ann@example.com"),
                    AuditAction.USER_EDITED));
            auditLog.record(new AuditEvent(UUID.randomUUID(), account, T0.plusSeconds(2), Actor.SYSTEM,
                    AuditAction.SIGN_IN_FAILED, null, null, List.of()));
        });

        List<AuditEvent> read = unitOfWork.inTransaction(() -> auditLog.newestFirst(account, Optional.empty(), 10));

        assertEquals(List.of(AuditAction.SIGN_IN_FAILED, AuditAction.USER_EDITED, AuditAction.USER_ADDED),
                read.stream().map(AuditEvent::action).toList());
        assertNull(read.get(0).subjectUserId());
        assertEquals(new Actor.PortalUserActor(ann, account, "ann@example.com"), read.get(1).actor());
        assertEquals(List.of(new FieldChange("firstName", "Bob", "Robert")), read.get(1).changes());
        assertEquals(Actor.OPERATOR, read.get(2).actor());
    }

    @Test
    void keysetPagesVisitEveryEntryOnceEvenWithEqualTimes() {
        List<UUID> written = new ArrayList<>();
        unitOfWork.inTransaction(() -> {
            for (int i = 0; i < 7; i++) {
                AuditEvent event = event(T0.plusSeconds(i / 3), Actor.OPERATOR, AuditAction.USER_EDITED);
                written.add(event.id());
                auditLog.record(event);
            }
        });

        List<UUID> seen = new ArrayList<>();
        Optional<AuditLog.Position> after = Optional.empty();
        for (int page = 0; page < 10; page++) {
            Optional<AuditLog.Position> from = after;
            List<AuditEvent> events = unitOfWork.inTransaction(() -> auditLog.newestFirst(account, from, 2));
            if (events.isEmpty()) {
                break;
            }
            events.forEach(event -> seen.add(event.id()));
            AuditEvent last = events.get(events.size() - 1);
            after = Optional.of(new AuditLog.Position(last.occurredAt(), last.id()));
        }

        assertEquals(7, seen.size());
        assertEquals(written.stream().sorted().toList(), seen.stream().sorted().toList());
    }
}
