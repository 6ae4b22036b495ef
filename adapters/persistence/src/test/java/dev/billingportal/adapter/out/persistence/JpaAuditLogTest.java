package dev.billingportal.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ActorKind;
import dev.billingportal.domain.access.ActorRef;
import dev.billingportal.domain.access.SignInFactor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.audit.AuditSubject;
import dev.billingportal.domain.audit.Reason;
import dev.billingportal.domain.user.FieldChange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit table keeps every part of an entry, the absent ones too, and flags which audits show it. */
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

    @Test
    void everyKindOfActorSubjectReasonAndFactorRoundTripsAndSoDoTheirAbsences() {
        UUID operator = UUID.randomUUID();
        UUID key = UUID.randomUUID();
        List<AuditEvent> written = List.of(
                new AuditEvent(UUID.randomUUID(), Optional.empty(), T0, new ActorRef(ActorKind.OPERATOR,
                        Optional.of(operator), "Sam Operator"), AuditAction.OPERATOR_SIGNED_IN, Optional.of(
                        new AuditSubject(AuditSubject.Kind.OPERATOR, operator, "sam@provider.example")), List.of(),
                        Optional.empty(), Optional.of(SignInFactor.PASSKEY)),
                new AuditEvent(UUID.randomUUID(), Optional.of(account), T0.plusSeconds(1), new ActorRef(
                        ActorKind.API_KEY, Optional.of(key), "Billing system"), AuditAction.TRANSACTION_POSTED,
                        Optional.of(new AuditSubject(AuditSubject.Kind.TRANSACTION, UUID.randomUUID(), "INV-7")),
                        List.of(new FieldChange("amount", "", "12.34")), Optional.of(new Reason("Goodwill credit")),
                        Optional.empty()),
                new AuditEvent(UUID.randomUUID(), Optional.of(account), T0.plusSeconds(2), Actor.INSTALLATION.ref(),
                        AuditAction.ACCOUNT_CREATED, Optional.empty(), List.of(), Optional.empty(), Optional.empty()),
                new AuditEvent(UUID.randomUUID(), Optional.of(account), T0.plusSeconds(3), Actor.SYSTEM.ref(),
                        AuditAction.SIGN_IN_FAILED, Optional.empty(), List.of(), Optional.empty(),
                        Optional.of(SignInFactor.PASSWORD)));
        unitOfWork.inTransaction(() -> written.forEach(auditLog::record));

        List<AuditEvent> read = unitOfWork.inTransaction(() -> List.of(
                auditLog.providerNewestFirst(new dev.billingportal.application.port.out.AuditLog.ProviderFilter(
                        Optional.of(operator), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty()), Optional.empty(), 1).get(0),
                auditLog.newestFirst(account, false, Optional.empty(), 3).get(2),
                auditLog.newestFirst(account, false, Optional.empty(), 3).get(1),
                auditLog.newestFirst(account, false, Optional.empty(), 3).get(0)));

        assertEquals(written, read);
        assertEquals(List.of(written.get(3).id()), unitOfWork.inTransaction(
                () -> auditLog.newestFirst(account, true, Optional.empty(), 10)).stream().map(AuditEvent::id)
                .toList(), "the customer's audit: only what concerns its users");
    }
}
