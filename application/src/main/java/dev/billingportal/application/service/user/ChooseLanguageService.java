package dev.billingportal.application.service.user;

import dev.billingportal.application.port.in.user.ChooseLanguageCommand;
import dev.billingportal.application.port.in.user.ChooseLanguageUseCase;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.user.FieldChange;
import dev.billingportal.domain.user.PortalUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** A user's choice of language is an edit of their own profile, audited like any other. */
public final class ChooseLanguageService implements ChooseLanguageUseCase {
    private final UnitOfWork unitOfWork;
    private final PortalUsers users;
    private final AuditLog auditLog;
    private final Clock clock;

    public ChooseLanguageService(UnitOfWork unitOfWork, PortalUsers users, AuditLog auditLog, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.users = users;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public PortalUser choose(ChooseLanguageCommand command) {
        return unitOfWork.inTransaction(() -> {
            PortalUser user = users.find(command.actor().userId()).filter(PortalUser::canSignIn)
                    .orElseThrow(AuthenticationFailed::new);
            Instant now = clock.instant();
            List<FieldChange> changes = user.chooseLanguage(command.language(), now);
            if (changes.isEmpty()) {
                return user;
            }
            PortalUser saved = users.update(user);
            auditLog.record(AuditEvent.about(saved, command.actor(), AuditAction.USER_EDITED, changes, now));
            return saved;
        });
    }
}
