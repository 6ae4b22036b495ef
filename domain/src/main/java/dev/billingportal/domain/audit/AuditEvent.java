package dev.billingportal.domain.audit;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ActorRef;
import dev.billingportal.domain.access.SignInFactor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.user.FieldChange;
import dev.billingportal.domain.user.PortalUser;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of the audit log: who (kind, id and name at the time) did what, to what, on which account, when, why
 * (a reason, for the provider's sensitive actions) and with which factor (sign-ins); for edits every changed field
 * before and after. The same entry can belong to an account's audit, the provider's, or both
 * ({@link #visibleToCustomer()}, {@link #visibleToProvider()}).
 */
public record AuditEvent(UUID id, Optional<AccountId> accountId, Instant occurredAt, ActorRef actor,
                         AuditAction action, Optional<AuditSubject> subject, List<FieldChange> changes,
                         Optional<Reason> reason, Optional<SignInFactor> factor) {
    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        changes = List.copyOf(changes);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(factor, "factor");
    }

    /** Something done to (or by) a portal user of the account. */
    public static AuditEvent about(PortalUser subject, Actor actor, AuditAction action, Instant now) {
        return about(subject, actor, action, List.of(), now);
    }

    public static AuditEvent about(PortalUser subject, Actor actor, AuditAction action, List<FieldChange> changes,
                                   Instant now) {
        return new AuditEvent(UUID.randomUUID(), Optional.of(subject.accountId()), now, actor.ref(), action,
                Optional.of(new AuditSubject(AuditSubject.Kind.PORTAL_USER, subject.id().value(),
                        subject.username().value())), changes, Optional.empty(), Optional.empty());
    }

    /** Something done to a subject that is not a portal user (an operator, a key, a transaction…). */
    public static AuditEvent about(AuditSubject subject, Optional<AccountId> account, Actor actor, AuditAction action,
                                   List<FieldChange> changes, Instant now) {
        return about(subject, account, actor.ref(), action, changes, now);
    }

    /** The same, by an actor as a record kept it (a bill run's lines, posted after its sender's request ended). */
    public static AuditEvent about(AuditSubject subject, Optional<AccountId> account, ActorRef actor,
                                   AuditAction action, List<FieldChange> changes, Instant now) {
        return new AuditEvent(UUID.randomUUID(), account, now, actor, action, Optional.of(subject), changes,
                Optional.empty(), Optional.empty());
    }

    /** The same entry with the reason its actor gave. */
    public AuditEvent because(Optional<Reason> why) {
        return new AuditEvent(id, accountId, occurredAt, actor, action, subject, changes, why, factor);
    }

    /** The same entry naming the factor of a sign-in or step-up. */
    public AuditEvent with(SignInFactor used) {
        return new AuditEvent(id, accountId, occurredAt, actor, action, subject, changes, reason, Optional.of(used));
    }

    /** The same entry with another actor shown (a customer reads the provider's side as its support, spec §11). */
    public AuditEvent shownAs(ActorRef shown) {
        return new AuditEvent(id, accountId, occurredAt, shown, action, subject, changes, reason, factor);
    }

    /** Whether the account's own audit shows it: what was done to and by its portal users. */
    public boolean visibleToCustomer() {
        return accountId.isPresent() && action.concernsCustomers();
    }

    /** Whether the provider's audit shows it: whatever the provider's side did, and what concerns it by nature. */
    public boolean visibleToProvider() {
        return actor.kind().isProvider() || action.concernsProvider();
    }
}
