package dev.billingportal.application.service.access;

import dev.billingportal.application.port.in.access.AcceptInvitationUseCase;
import dev.billingportal.application.port.in.access.SetPasswordCommand;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.OneTimeTokens;
import dev.billingportal.application.port.out.PasswordHasher;
import dev.billingportal.application.port.out.PortalUsers;
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

/** An invited user chooses their password with the link from their invitation (spec §4). */
public final class AcceptInvitationService implements AcceptInvitationUseCase {
    private final UnitOfWork unitOfWork;
    private final OneTimeTokens<PortalUserId> tokens;
    private final PortalUsers users;
    private final PasswordHasher hasher;
    private final AuditLog auditLog;
    private final Clock clock;

    public AcceptInvitationService(UnitOfWork unitOfWork, OneTimeTokens<PortalUserId> tokens, PortalUsers users,
                                   PasswordHasher hasher, AuditLog auditLog, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.tokens = tokens;
        this.users = users;
        this.hasher = hasher;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public PortalUser accept(SetPasswordCommand command) {
        String tokenHash = OneTimeTokenFormat.hashOf(command.token());
        String passwordHash = hasher.hash(command.password().reveal()); // slow: outside the transaction
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            PortalUser user = tokens.consume(tokenHash, TokenPurpose.INVITATION, now)
                    .flatMap(users::find)
                    .filter(found -> found.status() == UserStatus.INVITED)
                    .orElseThrow(InvalidToken::new);
            user.choosePassword(passwordHash, now);
            PortalUser active = users.update(user);
            auditLog.record(AuditEvent.about(active, LogInService.actorOf(active), AuditAction.INVITATION_ACCEPTED, now));
            return active;
        });
    }
}
