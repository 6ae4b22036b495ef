package dev.billingportal.application.service.access;

import dev.billingportal.application.port.in.access.LogOutCommand;
import dev.billingportal.application.port.in.access.LogOutUseCase;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.Sessions;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import java.time.Clock;

/** Ends the caller's session. */
public final class LogOutService implements LogOutUseCase {
    private final UnitOfWork unitOfWork;
    private final Sessions sessions;
    private final PortalUsers users;
    private final AuditLog auditLog;
    private final Clock clock;

    public LogOutService(UnitOfWork unitOfWork, Sessions sessions, PortalUsers users, AuditLog auditLog, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.sessions = sessions;
        this.users = users;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public void logOut(LogOutCommand command) {
        unitOfWork.inTransaction(() -> {
            sessions.close(SecretTokens.hash(command.sessionToken()));
            users.find(command.actor().userId()).ifPresent(user -> auditLog.record(
                    AuditEvent.about(user, command.actor(), AuditAction.SIGNED_OUT, clock.instant())));
        });
    }
}
