package dev.billingportal.application.service.user;

import dev.billingportal.application.port.in.user.EndPortalUserSessionsUseCase;
import dev.billingportal.application.port.in.user.PortalUserCommand;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.Sessions;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.AccountAccessPolicy;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.user.PortalUser;
import java.time.Clock;
import java.time.Instant;

/** Support ends a portal user's sessions (spec §11): every one of them, API and web, at once. */
public final class EndPortalUserSessionsService implements EndPortalUserSessionsUseCase {
    private final UnitOfWork unitOfWork;
    private final PortalUsers users;
    private final Sessions sessions;
    private final AuditLog auditLog;
    private final Clock clock;

    public EndPortalUserSessionsService(UnitOfWork unitOfWork, PortalUsers users, Sessions sessions, AuditLog auditLog,
                                        Clock clock) {
        this.unitOfWork = unitOfWork;
        this.users = users;
        this.sessions = sessions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public void endSessions(PortalUserCommand command) {
        AccountAccessPolicy.requireToAct(command.actor(), command.account(), Permission.ASSIST_CUSTOMERS);
        unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            PortalUser user = UserLookup.current(users, command.account(), command.user());
            sessions.closeAll(user.id());
            auditLog.record(AuditEvent.about(user, command.actor(), AuditAction.USER_SESSIONS_ENDED, now)
                    .because(command.reason()));
        });
    }
}
