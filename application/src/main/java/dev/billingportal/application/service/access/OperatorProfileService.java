package dev.billingportal.application.service.access;

import dev.billingportal.application.port.in.access.OperatorProfileUseCase;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.ConsoleSessions;
import dev.billingportal.application.port.out.LoginThrottles;
import dev.billingportal.application.port.out.Operators;
import dev.billingportal.application.port.out.Passkeys;
import dev.billingportal.application.port.out.PasswordHasher;
import dev.billingportal.application.port.out.RecoveryCodes;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ConsoleStage;
import dev.billingportal.domain.access.LoginThrottle;
import dev.billingportal.domain.access.Password;
import dev.billingportal.domain.access.SessionTimeouts;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.failure.FieldChecks;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.TooManyAttempts;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.user.FieldChange;
import dev.billingportal.domain.user.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What an operator changes about themself (spec §12's profile): their password and their language. */
public final class OperatorProfileService implements OperatorProfileUseCase {
    private final UnitOfWork unitOfWork;
    private final Operators operators;
    private final ConsoleSessions sessions;
    private final ConsoleSessionLookup lookup;
    private final Passkeys passkeys;
    private final RecoveryCodes recoveryCodes;
    private final LoginThrottles throttles;
    private final PasswordHasher hasher;
    private final AuditLog auditLog;
    private final Clock clock;

    public OperatorProfileService(UnitOfWork unitOfWork, Operators operators, ConsoleSessions sessions,
                                  SessionTimeouts consoleTimeouts, Passkeys passkeys, RecoveryCodes recoveryCodes,
                                  LoginThrottles throttles, PasswordHasher hasher, AuditLog auditLog, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.operators = operators;
        this.sessions = sessions;
        this.lookup = new ConsoleSessionLookup(sessions, consoleTimeouts);
        this.passkeys = passkeys;
        this.recoveryCodes = recoveryCodes;
        this.throttles = throttles;
        this.hasher = hasher;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public Operator operator(Actor actor) {
        Actor.OperatorActor me = signedIn(actor);
        return unitOfWork.inTransaction(() -> operators.find(me.id()).orElseThrow(AuthenticationFailed::new));
    }

    @Override
    public Profile profile(Actor actor) {
        Actor.OperatorActor me = signedIn(actor);
        return unitOfWork.inTransaction(() -> {
            Operator operator = operators.find(me.id()).orElseThrow(AuthenticationFailed::new);
            return new Profile(operator, passkeys.of(operator.id()), recoveryCodes.remaining(operator.id()));
        });
    }

    /**
     * The current password is asked first, and wrong guesses count toward the sign-in throttle: a session left open is
     * not a way to try passwords.
     */
    @Override
    public void changePassword(String sessionToken, String currentPassword, String newPassword) {
        FieldChecks checks = FieldChecks.start();
        checks.required("currentPassword", currentPassword, raw -> raw);
        Password chosen = checks.required("password", newPassword, Password::of);
        checks.orThrow();
        String newHash = hasher.hash(chosen.reveal());
        PasswordCheck check = unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            ConsoleSessionLookup.Found found = lookup.require(sessionToken, Set.of(ConsoleStage.FULL), now);
            Operator operator = operators.find(found.session().owner().id()).orElseThrow(AuthenticationFailed::new);
            String key = OperatorThrottleKey.of(operator.email().value());
            LoginThrottle throttle = throttles.lock(key);
            Optional<Duration> locked = throttle.lockedFor(now);
            if (locked.isPresent()) {
                return new PasswordCheck(false, locked);
            }
            if (!hasher.matches(currentPassword, operator.passwordHash())) {
                throttle.failed(now);
                throttles.save(key, throttle);
                return new PasswordCheck(false, Optional.empty());
            }
            operator.choosePassword(newHash, now);
            operators.update(operator);
            sessions.closeOthers(operator.id(), found.tokenHash());
            auditLog.record(AuditEvent.about(OperatorAudit.subject(operator), Optional.empty(),
                    new Actor.OperatorActor(operator.id(), operator.name().value(), operator.role(), now),
                    AuditAction.OPERATOR_PASSWORD_CHANGED, List.of(), now));
            return new PasswordCheck(true, Optional.empty());
        });
        if (check.lockedFor().isPresent()) {
            throw new TooManyAttempts(check.lockedFor().get());
        }
        if (!check.changed()) {
            throw RuleViolation.field("currentPassword", "is not your current password");
        }
    }

    /** How a password change went; decided in the transaction (which keeps a failure's count), reported after it. */
    private record PasswordCheck(boolean changed, Optional<Duration> lockedFor) {
    }

    @Override
    public void chooseLanguage(Actor actor, Language language) {
        Actor.OperatorActor me = signedIn(actor);
        unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            Operator operator = operators.find(me.id()).orElseThrow(AuthenticationFailed::new);
            Language before = operator.language();
            if (before == language) {
                return;
            }
            operator.chooseLanguage(language, now);
            operators.update(operator);
            auditLog.record(AuditEvent.about(OperatorAudit.subject(operator), Optional.empty(), actor,
                    AuditAction.OPERATOR_LANGUAGE_CHANGED,
                    List.of(new FieldChange("language", before.tag(), language.tag())), now));
        });
    }

    private static Actor.OperatorActor signedIn(Actor actor) {
        if (actor instanceof Actor.OperatorActor operator) {
            return operator;
        }
        throw new AccessDenied("This is an operator's own profile: sign in to the console.");
    }
}
