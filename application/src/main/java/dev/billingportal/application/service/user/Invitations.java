package dev.billingportal.application.service.user;

import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.PortalUserProfile;
import java.time.Instant;

/**
 * Adding a portal user, the one way it is done wherever a user is added (an account's first user, or another
 * user of the account): stored {@code INVITED}, sent an invitation, written to the audit log — in the caller's
 * unit of work.
 */
public final class Invitations {
    private final PortalUsers users;
    private final NotificationRecorder notifications;
    private final AuditLog auditLog;

    public Invitations(PortalUsers users, NotificationRecorder notifications, AuditLog auditLog) {
        this.users = users;
        this.notifications = notifications;
        this.auditLog = auditLog;
    }

    public PortalUser addInvited(Account account, PortalUserProfile profile, Actor actor, Instant now) {
        PortalUser added = users.add(PortalUser.invite(PortalUserId.random(), account.id(), profile, now));
        notifications.invitation(account, added, now);
        auditLog.record(AuditEvent.about(added, actor, AuditAction.USER_ADDED, now));
        return added;
    }
}
