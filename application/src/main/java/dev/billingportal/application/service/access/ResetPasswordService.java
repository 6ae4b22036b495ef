package dev.billingportal.application.service.access;

import dev.billingportal.application.port.in.access.ResetPasswordUseCase;
import dev.billingportal.application.port.in.access.SetPasswordCommand;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.OneTimeTokens;
import dev.billingportal.application.port.out.PasswordHasher;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.Sessions;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.failure.InvalidToken;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.UserStatus;
import java.time.Clock;
import java.time.Instant;

/** Sets a new password with a reset link; every session of the user ends (spec §4). */
public final class ResetPasswordService implements ResetPasswordUseCase {
    private final UnitOfWork unitOfWork;
    private final OneTimeTokens<PortalUserId> tokens;
    private final PortalUsers users;
    private final Sessions sessions;
    private final PasswordHasher hasher;
    private final AuditLog auditLog;
    private final Clock clock;

    public ResetPasswordService(UnitOfWork unitOfWork, OneTimeTokens<PortalUserId> tokens, PortalUsers users, Sessions sessions,
                                PasswordHasher hasher, AuditLog auditLog, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.tokens = tokens;
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public void reset(SetPasswordCommand command) {
        String tokenHash = OneTimeTokenFormat.hashOf(command.token());
        String passwordHash = hasher.hash(command.password().reveal());
        unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            PortalUser user = tokens.consume(tokenHash, TokenPurpose.PASSWORD_RESET, now)
                    .flatMap(users::find)
                    .filter(found -> found.status() == UserStatus.ACTIVE)
                    .orElseThrow(InvalidToken::new);
            user.choosePassword(passwordHash, now);
            PortalUser saved = users.update(user);
            sessions.closeAll(saved.id());
            tokens.revoke(saved.id(), TokenPurpose.PASSWORD_RESET);
            auditLog.record(AuditEvent.about(saved, LogInService.actorOf(saved), AuditAction.PASSWORD_RESET, now));
        });
    }
}
