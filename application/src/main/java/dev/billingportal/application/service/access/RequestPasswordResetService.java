package dev.billingportal.application.service.access;

import dev.billingportal.application.port.in.access.RequestPasswordResetCommand;
import dev.billingportal.application.port.in.access.RequestPasswordResetUseCase;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.Deliveries;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.failure.InvalidValue;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.notification.Recipient;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.UserStatus;
import dev.billingportal.domain.user.Username;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Mails a password-reset link to an active user. The caller learns nothing (always 202), and one user
 * gets at most one reset mail a minute, so the form cannot be used to flood a mailbox.
 */
public final class RequestPasswordResetService implements RequestPasswordResetUseCase {
    static final Duration RESEND_INTERVAL = Duration.ofMinutes(1);

    private final UnitOfWork unitOfWork;
    private final PortalUsers users;
    private final Accounts accounts;
    private final Deliveries notificationLog;
    private final NotificationRecorder notifications;
    private final AuditLog auditLog;
    private final Clock clock;

    public RequestPasswordResetService(UnitOfWork unitOfWork, PortalUsers users, Accounts accounts,
                                       Deliveries notificationLog, NotificationRecorder notifications,
                                       AuditLog auditLog, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.users = users;
        this.accounts = accounts;
        this.notificationLog = notificationLog;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public void request(RequestPasswordResetCommand command) {
        Optional<Username> parsed = parse(command.username());
        if (parsed.isEmpty()) {
            return;
        }
        unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<PortalUser> user = users.findByUsername(parsed.get())
                    .filter(found -> found.status() == UserStatus.ACTIVE)
                    .filter(found -> !notificationLog.recordedSince(Recipient.of(found.id()),
                            NotificationKind.PASSWORD_RESET,
                            now.minus(RESEND_INTERVAL)));
            user.ifPresent(found -> accounts.find(found.accountId()).ifPresent(account -> {
                notifications.passwordReset(account, found, now);
                auditLog.record(AuditEvent.about(found, Actor.SYSTEM, AuditAction.PASSWORD_RESET_REQUESTED, now));
            }));
        });
    }

    private static Optional<Username> parse(String username) {
        try {
            return Optional.of(Username.of(username));
        } catch (InvalidValue notAUsername) {
            return Optional.empty();
        }
    }
}
