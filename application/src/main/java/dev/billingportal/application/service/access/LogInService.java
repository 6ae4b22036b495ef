package dev.billingportal.application.service.access;

import dev.billingportal.application.port.in.access.LogInCommand;
import dev.billingportal.application.port.in.access.LogInUseCase;
import dev.billingportal.application.port.in.access.SessionToken;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.LoginThrottles;
import dev.billingportal.application.port.out.PasswordHasher;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.Sessions;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.LoginThrottle;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.access.SessionTimeouts;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.failure.InvalidValue;
import dev.billingportal.domain.failure.TooManyAttempts;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.Username;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Signs users in (spec §4). Every failure looks the same from outside — and takes as long: an unknown
 * username still costs a password-hash check. The throttle is locked for the whole attempt, so concurrent
 * attempts on one username are counted exactly.
 */
public final class LogInService implements LogInUseCase {
    private final UnitOfWork unitOfWork;
    private final PortalUsers users;
    private final LoginThrottles throttles;
    private final Sessions sessions;
    private final PasswordHasher hasher;
    private final AuditLog auditLog;
    private final Clock clock;
    /** A hash no password matches, checked when there is no user's hash to check. */
    private final DecoyHash decoyHash;

    public LogInService(UnitOfWork unitOfWork, PortalUsers users, LoginThrottles throttles, Sessions sessions,
                        PasswordHasher hasher, AuditLog auditLog, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.users = users;
        this.throttles = throttles;
        this.sessions = sessions;
        this.hasher = hasher;
        this.auditLog = auditLog;
        this.clock = clock;
        this.decoyHash = new DecoyHash(hasher);
    }

    /** What one attempt came to; decided inside the transaction, reported after it committed. */
    private sealed interface Outcome {
        record SignedIn(SessionToken token) implements Outcome {
        }

        record Refused() implements Outcome {
        }

        record Throttled(Duration retryAfter) implements Outcome {
        }
    }

    @Override
    public SessionToken logIn(LogInCommand command) {
        decoyHash.prepare();
        String key = command.username().strip().toLowerCase(Locale.ROOT);
        String candidate = command.password();
        if (key.isEmpty() || key.length() > Username.MAX_LENGTH) {
            decoyHash.matches(candidate, Optional.empty());
            throw new AuthenticationFailed();
        }
        Outcome outcome = unitOfWork.inTransaction(() -> attempt(key, candidate, command.channel()));
        return switch (outcome) {
            case Outcome.SignedIn signedIn -> signedIn.token();
            case Outcome.Refused refused -> throw new AuthenticationFailed();
            case Outcome.Throttled throttled -> throw new TooManyAttempts(throttled.retryAfter());
        };
    }

    private Outcome attempt(String key, String password, SessionChannel channel) {
        Instant now = clock.instant();
        LoginThrottle throttle = throttles.lock(key);
        Optional<Duration> locked = throttle.lockedFor(now);
        if (locked.isPresent()) {
            return new Outcome.Throttled(locked.get());
        }
        Optional<PortalUser> user = findUser(key);
        boolean passwordMatches = decoyHash.matches(password,
                user.filter(PortalUser::canSignIn).map(PortalUser::passwordHash));
        if (!passwordMatches) {
            throttle.failed(now);
            throttles.save(key, throttle);
            user.filter(found -> !found.isDeleted()).ifPresent(found ->
                    auditLog.record(AuditEvent.about(found, Actor.SYSTEM, AuditAction.SIGN_IN_FAILED, now)));
            return new Outcome.Refused();
        }
        PortalUser signedIn = user.get();
        throttle.succeeded();
        throttles.save(key, throttle);
        String token = SecretTokens.generate();
        sessions.open(SecretTokens.hash(token), signedIn.id(), channel, now, now.plus(SessionTimeouts.ABSOLUTE));
        auditLog.record(AuditEvent.about(signedIn, actorOf(signedIn), AuditAction.SIGNED_IN, now));
        return new Outcome.SignedIn(new SessionToken(token, SessionTimeouts.ABSOLUTE));
    }

    private Optional<PortalUser> findUser(String key) {
        try {
            return users.findByUsername(Username.of(key));
        } catch (InvalidValue notAUsername) {
            return Optional.empty();
        }
    }

    static Actor.PortalUserActor actorOf(PortalUser user) {
        return new Actor.PortalUserActor(user.id(), user.accountId(), user.username().value());
    }
}
