package dev.billingportal.application.service.operator;

import dev.billingportal.application.port.in.operator.ChangeOperatorRoleCommand;
import dev.billingportal.application.port.in.operator.ChangeOperatorRoleUseCase;
import dev.billingportal.application.port.in.operator.DisableOperatorUseCase;
import dev.billingportal.application.port.in.operator.InviteOperatorCommand;
import dev.billingportal.application.port.in.operator.InviteOperatorUseCase;
import dev.billingportal.application.port.in.operator.ListOperatorsQuery;
import dev.billingportal.application.port.in.operator.OperatorCommand;
import dev.billingportal.application.port.in.operator.ReinviteOperatorUseCase;
import dev.billingportal.application.port.in.operator.ResetSecondFactorUseCase;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.ConsoleSessions;
import dev.billingportal.application.port.out.OneTimeTokens;
import dev.billingportal.application.port.out.Operators;
import dev.billingportal.application.port.out.Passkeys;
import dev.billingportal.application.port.out.RecoveryCodes;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.service.access.OperatorAudit;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.access.ProviderAccessPolicy;
import dev.billingportal.domain.access.StepUpPolicy;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.operator.AdministratorsPolicy;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.operator.OperatorStatus;
import dev.billingportal.domain.user.FieldChange;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The administrators' side of the billing team (spec §11): inviting operators, changing their role, disabling them,
 * resetting their second factor. Each is for the admin role; inviting, re-roling and resetting ask a person for a
 * fresh second factor (step-up); every active administrator is told of each change; the last active administrator
 * stays one, decided under the roster's lock.
 */
public final class OperatorAdministrationService implements InviteOperatorUseCase, ReinviteOperatorUseCase,
        ChangeOperatorRoleUseCase, DisableOperatorUseCase, ResetSecondFactorUseCase, ListOperatorsQuery {
    private final UnitOfWork unitOfWork;
    private final Operators operators;
    private final OneTimeTokens<OperatorId> tokens;
    private final ConsoleSessions sessions;
    private final RecoveryCodes recoveryCodes;
    private final Passkeys passkeys;
    private final NotificationRecorder notifications;
    private final AuditLog auditLog;
    private final SecurityNotices notices;
    private final Clock clock;

    public OperatorAdministrationService(UnitOfWork unitOfWork, Operators operators, OneTimeTokens<OperatorId> tokens,
                                         ConsoleSessions sessions, RecoveryCodes recoveryCodes, Passkeys passkeys,
                                         NotificationRecorder notifications, AuditLog auditLog, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.operators = operators;
        this.tokens = tokens;
        this.sessions = sessions;
        this.recoveryCodes = recoveryCodes;
        this.passkeys = passkeys;
        this.notifications = notifications;
        this.auditLog = auditLog;
        this.notices = new SecurityNotices(operators, notifications, auditLog);
        this.clock = clock;
    }

    @Override
    public Operator invite(InviteOperatorCommand command) {
        Actor actor = command.actor();
        ProviderAccessPolicy.require(actor, Permission.ADMINISTER);
        StepUpPolicy.require(actor, clock.instant());
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            Operator invited = operators.add(Operator.invite(OperatorId.random(), command.email(), command.name(),
                    command.role(), command.language(), command.timeZone(), now));
            notifications.operatorInvitation(invited, actor, now);
            notices.record(about(invited, actor, AuditAction.OPERATOR_INVITED,
                    List.of(new FieldChange("role", "", invited.role().code())), now), actor, now);
            return invited;
        });
    }

    @Override
    public void reinvite(OperatorCommand command) {
        ProviderAccessPolicy.require(command.actor(), Permission.ADMINISTER);
        unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            Operator operator = find(command.operator());
            if (operator.status() != OperatorStatus.INVITED) {
                throw new StateConflict("operator-not-invited",
                        "Only an operator who has not accepted their invitation yet can be invited again.");
            }
            tokens.revoke(operator.id(), TokenPurpose.INVITATION);
            notifications.operatorInvitation(operator, command.actor(), now);
            auditLog.record(about(operator, command.actor(), AuditAction.OPERATOR_REINVITED, List.of(), now)
                    .because(command.reason()));
        });
    }

    @Override
    public Operator changeRole(ChangeOperatorRoleCommand command) {
        Actor actor = command.actor();
        ProviderAccessPolicy.require(actor, Permission.ADMINISTER);
        StepUpPolicy.require(actor, clock.instant());
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            long activeAdmins = operators.lockRosterAndCountActiveAdmins();
            Operator operator = find(command.operator());
            AdministratorsPolicy.requireOneRemains(operator, command.role() == OperatorRole.ADMIN, activeAdmins);
            List<FieldChange> changes = operator.changeRole(command.role(), now);
            if (changes.isEmpty()) {
                return operator;
            }
            Operator changed = operators.update(operator);
            notices.record(about(changed, actor, AuditAction.OPERATOR_ROLE_CHANGED, changes, now)
                    .because(command.reason()), actor, now);
            return changed;
        });
    }

    @Override
    public Operator disable(OperatorCommand command) {
        ProviderAccessPolicy.require(command.actor(), Permission.ADMINISTER);
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            long activeAdmins = operators.lockRosterAndCountActiveAdmins();
            Operator operator = find(command.operator());
            AdministratorsPolicy.requireOneRemains(operator, false, activeAdmins);
            operator.disable(now);
            Operator disabled = operators.update(operator);
            sessions.closeAll(disabled.id());
            notices.record(about(disabled, command.actor(), AuditAction.OPERATOR_DISABLED, List.of(), now)
                    .because(command.reason()), command.actor(), now);
            return disabled;
        });
    }

    @Override
    public Operator resetSecondFactor(OperatorCommand command) {
        ProviderAccessPolicy.require(command.actor(), Permission.ADMINISTER);
        StepUpPolicy.require(command.actor(), clock.instant());
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            Operator operator = find(command.operator());
            operator.requireNotDisabled();
            operator.resetSecondFactor(now);
            Operator reset = operators.update(operator);
            recoveryCodes.deleteAll(reset.id());
            passkeys.deleteAll(reset.id());
            sessions.closeAll(reset.id());
            notices.record(about(reset, command.actor(), AuditAction.OPERATOR_SECOND_FACTOR_RESET, List.of(), now)
                    .because(command.reason()), command.actor(), now);
            return reset;
        });
    }

    @Override
    public List<Operator> list(Actor actor) {
        ProviderAccessPolicy.require(actor, Permission.ADMINISTER);
        return unitOfWork.inTransaction(operators::all);
    }

    @Override
    public Operator get(Actor actor, OperatorId operator) {
        ProviderAccessPolicy.require(actor, Permission.ADMINISTER);
        return unitOfWork.inTransaction(() -> find(operator));
    }

    private Operator find(OperatorId id) {
        return operators.find(id).orElseThrow(() -> new NotFound("The operator"));
    }

    private static AuditEvent about(Operator operator, Actor actor, AuditAction action, List<FieldChange> changes,
                                    Instant now) {
        return AuditEvent.about(OperatorAudit.subject(operator), Optional.empty(), actor, action, changes, now);
    }
}
