package dev.billingportal.domain.audit;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.user.FieldChange;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of an account's audit log: who did what to whom, when, and for edits every changed field
 * with its value before and after.
 */
public record AuditEvent(UUID id, AccountId accountId, Instant occurredAt, Actor actor, AuditAction action,
                         PortalUserId subjectUserId, String subjectUsername, List<FieldChange> changes) {
    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        changes = List.copyOf(changes);
    }

    /** Something done to (or by) a portal user of the account. */
    public static AuditEvent about(PortalUser subject, Actor actor, AuditAction action, Instant now) {
        return about(subject, actor, action, List.of(), now);
    }

    public static AuditEvent about(PortalUser subject, Actor actor, AuditAction action, List<FieldChange> changes,
                                   Instant now) {
        return new AuditEvent(UUID.randomUUID(), subject.accountId(), now, actor, action, subject.id(),
                subject.username().value(), changes);
    }
}
