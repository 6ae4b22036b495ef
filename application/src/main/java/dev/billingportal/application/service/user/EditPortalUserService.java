package dev.billingportal.application.service.user;

import dev.billingportal.application.port.in.user.EditPortalUserCommand;
import dev.billingportal.application.port.in.user.EditPortalUserUseCase;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.AccountAccessPolicy;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.VersionMismatch;
import dev.billingportal.domain.user.FieldChange;
import dev.billingportal.domain.user.PortalUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Edits a user's profile; the username never changes, and a stale version is refused. */
public final class EditPortalUserService implements EditPortalUserUseCase {
    private final UnitOfWork unitOfWork;
    private final PortalUsers users;
    private final AuditLog auditLog;
    private final Clock clock;

    public EditPortalUserService(UnitOfWork unitOfWork, PortalUsers users, AuditLog auditLog, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.users = users;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public PortalUser edit(EditPortalUserCommand command) {
        AccountAccessPolicy.requireCustomer(command.actor(), command.account());
        return unitOfWork.inTransaction(() -> {
            PortalUser user = UserLookup.current(users, command.account(), command.user());
            command.username().ifPresent(sent -> {
                if (!sent.strip().toLowerCase(Locale.ROOT).equals(user.username().key())) {
                    throw RuleViolation.field("username", "cannot be changed");
                }
            });
            if (command.expectedVersion().isPresent() && command.expectedVersion().get() != user.version()) {
                throw new VersionMismatch();
            }
            Instant now = clock.instant();
            List<FieldChange> changes = user.edit(command.edit(), now);
            if (changes.isEmpty()) {
                return user;
            }
            PortalUser saved = users.update(user);
            auditLog.record(AuditEvent.about(saved, command.actor(), AuditAction.USER_EDITED, changes, now));
            return saved;
        });
    }
}
