package dev.billingportal.application.service.operator;

import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.Operators;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.audit.AuditEvent;
import java.time.Instant;

/**
 * What the provider's sensitive changes leave behind, in the caller's unit of work: the audit entry, and the security
 * notice every active administrator receives (spec §11: keys created, rotated or revoked; operators invited,
 * disabled, re-roled, or their second factor reset).
 */
public final class SecurityNotices {
    private final Operators operators;
    private final NotificationRecorder notifications;
    private final AuditLog auditLog;

    public SecurityNotices(Operators operators, NotificationRecorder notifications, AuditLog auditLog) {
        this.operators = operators;
        this.notifications = notifications;
        this.auditLog = auditLog;
    }

    public void record(AuditEvent event, Actor actor, Instant now) {
        auditLog.record(event);
        String subject = event.subject().map(what -> what.label()).orElse("");
        notifications.securityNotice(event.action(), subject, actor, operators.activeAdmins(), now);
    }
}
