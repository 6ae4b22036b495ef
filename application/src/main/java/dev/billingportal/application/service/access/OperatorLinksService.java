package dev.billingportal.application.service.access;

import dev.billingportal.application.port.in.access.LinkToken;
import dev.billingportal.application.port.in.access.OperatorLinksUseCase;
import dev.billingportal.application.port.in.access.SetPasswordCommand;
import dev.billingportal.application.port.in.access.SignInProgress;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.ConsoleSessions;
import dev.billingportal.application.port.out.Deliveries;
import dev.billingportal.application.port.out.OneTimeTokens;
import dev.billingportal.application.port.out.Operators;
import dev.billingportal.application.port.out.PasswordHasher;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ConsoleStage;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.failure.InvalidToken;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.notification.Recipient;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.operator.OperatorStatus;
import dev.billingportal.domain.user.EmailAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The e-mailed links of the provider's console (spec §11, with §4's token rules): accepting an invitation — a password,
 * then straight on to enrolling the second factor — and resetting a forgotten password, which never skips the second
 * factor: it ends the operator's sessions and they sign in again with both steps.
 */
public final class OperatorLinksService implements OperatorLinksUseCase {
    private final UnitOfWork unitOfWork;
    private final OneTimeTokens<OperatorId> tokens;
    private final Operators operators;
    private final ConsoleSessions sessions;
    private final Deliveries deliveries;
    private final NotificationRecorder notifications;
    private final PasswordHasher hasher;
    private final AuditLog auditLog;
    private final Clock clock;

    public OperatorLinksService(UnitOfWork unitOfWork, OneTimeTokens<OperatorId> tokens, Operators operators,
                                ConsoleSessions sessions, Deliveries deliveries, NotificationRecorder notifications,
                                PasswordHasher hasher, AuditLog auditLog, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.tokens = tokens;
        this.operators = operators;
        this.sessions = sessions;
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.hasher = hasher;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public SignInProgress acceptInvitation(SetPasswordCommand command) {
        String tokenHash = OneTimeTokenFormat.hashOf(command.token());
        String passwordHash = hasher.hash(command.password().reveal()); // slow: outside the transaction
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            Operator operator = tokens.consume(tokenHash, TokenPurpose.INVITATION, now)
                    .flatMap(operators::find)
                    .filter(found -> found.status() == OperatorStatus.INVITED)
                    .orElseThrow(InvalidToken::new);
            operator.choosePassword(passwordHash, now);
            Operator active = operators.update(operator);
            auditLog.record(AuditEvent.about(OperatorAudit.subject(active), Optional.empty(), Actor.SYSTEM,
                    AuditAction.OPERATOR_INVITATION_ACCEPTED, List.of(), now));
            String token = SecretTokens.generate();
            sessions.open(SecretTokens.hash(token), active.id(), ConsoleStage.ENROLMENT, now,
                    now.plus(ConsoleStage.HALF_WAY_LIFETIME), Optional.empty());
            return new SignInProgress(token, ConsoleStage.ENROLMENT, false);
        });
    }

    @Override
    public boolean isUsable(LinkToken link) {
        String hash;
        try {
            hash = OneTimeTokenFormat.hashOf(link.token());
        } catch (InvalidToken malformed) {
            return false;
        }
        return unitOfWork.inTransaction(() -> tokens.peek(hash, link.purpose(), clock.instant())
                .flatMap(operators::find)
                .filter(operator -> link.purpose() == TokenPurpose.INVITATION
                        ? operator.status() == OperatorStatus.INVITED : operator.canSignIn())
                .isPresent());
    }

    @Override
    public void requestPasswordReset(String email) {
        Optional<EmailAddress> address = EmailAddress.ifValid(email);
        if (address.isEmpty()) {
            return;
        }
        unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            operators.findByEmail(address.get())
                    .filter(Operator::canSignIn)
                    .filter(found -> !deliveries.recordedSince(Recipient.of(found.id()),
                            NotificationKind.OPERATOR_PASSWORD_RESET, now.minus(RequestPasswordResetService.RESEND_INTERVAL)))
                    .ifPresent(operator -> {
                        notifications.operatorPasswordReset(operator, now);
                        auditLog.record(AuditEvent.about(OperatorAudit.subject(operator), Optional.empty(),
                                Actor.SYSTEM, AuditAction.OPERATOR_PASSWORD_RESET_REQUESTED, List.of(), now));
                    });
        });
    }

    @Override
    public void resetPassword(SetPasswordCommand command) {
        String tokenHash = OneTimeTokenFormat.hashOf(command.token());
        String passwordHash = hasher.hash(command.password().reveal());
        unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            Operator operator = tokens.consume(tokenHash, TokenPurpose.PASSWORD_RESET, now)
                    .flatMap(operators::find)
                    .filter(Operator::canSignIn)
                    .orElseThrow(InvalidToken::new);
            operator.choosePassword(passwordHash, now);
            operators.update(operator);
            sessions.closeAll(operator.id());
            auditLog.record(AuditEvent.about(OperatorAudit.subject(operator), Optional.empty(), Actor.SYSTEM,
                    AuditAction.OPERATOR_PASSWORD_RESET, List.of(), now));
        });
    }

}
