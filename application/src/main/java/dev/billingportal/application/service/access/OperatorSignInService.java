package dev.billingportal.application.service.access;

import dev.billingportal.application.port.in.access.CompleteSignInUseCase;
import dev.billingportal.application.port.in.access.LogInCommand;
import dev.billingportal.application.port.in.access.PasskeyCeremonyUseCase;
import dev.billingportal.application.port.in.access.PasskeyOptions;
import dev.billingportal.application.port.in.access.SessionToken;
import dev.billingportal.application.port.in.access.SignInOperatorUseCase;
import dev.billingportal.application.port.in.access.SignInProgress;
import dev.billingportal.application.port.in.access.SignInProgressQuery;
import dev.billingportal.application.port.in.access.SignOutOperatorUseCase;
import dev.billingportal.application.port.in.access.StepUpUseCase;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.ConsoleSessions;
import dev.billingportal.application.port.out.LoginThrottles;
import dev.billingportal.application.port.out.Operators;
import dev.billingportal.application.port.out.PasskeyVerifier;
import dev.billingportal.application.port.out.Passkeys;
import dev.billingportal.application.port.out.PasswordHasher;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ConsoleStage;
import dev.billingportal.domain.access.LoginThrottle;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.SessionTimeouts;
import dev.billingportal.domain.access.SignInFactor;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.failure.TooManyAttempts;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.operator.PasskeyCredential;
import dev.billingportal.domain.user.EmailAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * An operator's sign-in in two steps (spec §11) — e-mail and password, then a code or a passkey — and the step-up that
 * proves the second factor again later. Every failure looks alike from outside; both steps count against one
 * throttle per address (five failures in 15 minutes lock it for 15), decided under its lock, and failures are
 * committed even though the caller is refused.
 */
public final class OperatorSignInService implements SignInOperatorUseCase, CompleteSignInUseCase, StepUpUseCase,
        PasskeyCeremonyUseCase, SignOutOperatorUseCase, SignInProgressQuery {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UnitOfWork unitOfWork;
    private final Operators operators;
    private final ConsoleSessions sessions;
    private final ConsoleSessionLookup lookup;
    private final LoginThrottles throttles;
    private final SecondFactors secondFactors;
    private final Passkeys passkeys;
    private final PasskeyVerifier verifier;
    private final PasswordHasher hasher;
    private final DecoyHash decoy;
    private final AuditLog auditLog;
    private final Clock clock;

    public OperatorSignInService(UnitOfWork unitOfWork, Operators operators, ConsoleSessions sessions,
                                 SessionTimeouts consoleTimeouts, LoginThrottles throttles,
                                 dev.billingportal.application.port.out.RecoveryCodes recoveryCodes, Passkeys passkeys,
                                 PasskeyVerifier verifier, PasswordHasher hasher, AuditLog auditLog, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.operators = operators;
        this.sessions = sessions;
        this.lookup = new ConsoleSessionLookup(sessions, consoleTimeouts);
        this.throttles = throttles;
        this.secondFactors = new SecondFactors(recoveryCodes, passkeys, verifier);
        this.passkeys = passkeys;
        this.verifier = verifier;
        this.hasher = hasher;
        this.decoy = new DecoyHash(hasher);
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What one attempt came to; decided inside the transaction, reported after it committed. */
    private sealed interface Outcome<T> {
        record Done<T>(T result) implements Outcome<T> {
        }

        record Refused<T>() implements Outcome<T> {
        }

        record Throttled<T>(Duration retryAfter) implements Outcome<T> {
        }
    }

    private static <T> T reported(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Done<T> done -> done.result();
            case Outcome.Refused<T> refused -> throw new AuthenticationFailed();
            case Outcome.Throttled<T> throttled -> throw new TooManyAttempts(throttled.retryAfter());
        };
    }

    @Override
    public SignInProgress signIn(LogInCommand command) {
        decoy.prepare();
        Optional<EmailAddress> email = EmailAddress.ifValid(command.username());
        if (email.isEmpty()) {
            decoy.matches(command.password(), Optional.empty());
            throw new AuthenticationFailed();
        }
        return reported(unitOfWork.inTransaction(() -> passwordStep(email.get(), command.password())));
    }

    private Outcome<SignInProgress> passwordStep(EmailAddress email, String password) {
        Instant now = clock.instant();
        String key = OperatorThrottleKey.of(email.value());
        LoginThrottle throttle = throttles.lock(key);
        Optional<Duration> locked = throttle.lockedFor(now);
        if (locked.isPresent()) {
            return new Outcome.Throttled<>(locked.get());
        }
        Optional<Operator> found = operators.findByEmail(email);
        boolean matches = decoy.matches(password, found.filter(Operator::canSignIn).map(Operator::passwordHash));
        if (!matches) {
            throttle.failed(now);
            throttles.save(key, throttle);
            found.ifPresent(operator -> auditLog.record(failure(operator, SignInFactor.PASSWORD, now)));
            return new Outcome.Refused<>();
        }
        // The throttle is cleared when the second step succeeds: a right password alone proves too little.
        Operator operator = found.get();
        ConsoleStage stage = operator.hasSecondFactor() ? ConsoleStage.SECOND_FACTOR : ConsoleStage.ENROLMENT;
        String token = SecretTokens.generate();
        sessions.open(SecretTokens.hash(token), operator.id(), stage, now, now.plus(ConsoleStage.HALF_WAY_LIFETIME),
                Optional.empty());
        return new Outcome.Done<>(new SignInProgress(token, stage, !passkeys.of(operator.id()).isEmpty()));
    }

    @Override
    public Optional<SignInProgress> halfWay(String token) {
        return unitOfWork.inTransaction(() -> lookup.live(token, clock.instant())
                .filter(found -> found.session().stage() != ConsoleStage.FULL)
                .map(found -> new SignInProgress(token, found.session().stage(),
                        !passkeys.of(found.session().owner().id()).isEmpty())));
    }

    @Override
    public SessionToken withCode(String halfWayToken, String code) {
        return reported(unitOfWork.inTransaction(() -> secondStep(halfWayToken, SecondFactors.meantBy(code),
                (operator, now) -> secondFactors.code(operator, code, now))));
    }

    @Override
    public SessionToken withPasskey(String halfWayToken, String assertionJson) {
        return reported(unitOfWork.inTransaction(() -> {
            Optional<String> challenge = lookup.live(halfWayToken, clock.instant())
                    .flatMap(found -> found.session().challenge());
            return secondStep(halfWayToken, SignInFactor.PASSKEY,
                    (operator, now) -> secondFactors.passkey(operator, assertionJson, challenge, now));
        }));
    }

    private Outcome<SessionToken> secondStep(String halfWayToken, SignInFactor factor,
                                             BiPredicate<Operator, Instant> proves) {
        Instant now = clock.instant();
        Optional<ConsoleSessionLookup.Found> found = lookup.live(halfWayToken, now)
                .filter(session -> session.session().stage() == ConsoleStage.SECOND_FACTOR);
        if (found.isEmpty()) {
            return new Outcome.Refused<>();
        }
        Operator operator = operators.find(found.get().session().owner().id()).orElseThrow(AuthenticationFailed::new);
        Outcome<Void> proved = prove(operator, found.get().tokenHash(), factor, proves, now);
        if (!(proved instanceof Outcome.Done<Void>)) {
            return proved instanceof Outcome.Throttled<Void> throttled
                    ? new Outcome.Throttled<>(throttled.retryAfter()) : new Outcome.Refused<>();
        }
        sessions.close(found.get().tokenHash());
        operator.signedIn(now);
        operators.update(operator);
        auditLog.record(signedIn(operator, AuditAction.OPERATOR_SIGNED_IN, factor, now));
        return new Outcome.Done<>(openFullSession(operator, now));
    }

    /** A console session for an operator who just proved both factors; a new token, never the half-way one. */
    private SessionToken openFullSession(Operator operator, Instant now) {
        String token = SecretTokens.generate();
        sessions.open(SecretTokens.hash(token), operator.id(), ConsoleStage.FULL, now,
                now.plus(SessionTimeouts.ABSOLUTE), Optional.of(now));
        return new SessionToken(token, SessionTimeouts.ABSOLUTE);
    }

    /**
     * Checks a second factor under the operator's throttle: a failure is counted and audited, a success clears the
     * throttle (the caller stores the operator, whose authenticator step moved on). The session's passkey challenge is
     * spent either way.
     */
    private Outcome<Void> prove(Operator operator, String tokenHash, SignInFactor factor,
                                BiPredicate<Operator, Instant> proves, Instant now) {
        String key = OperatorThrottleKey.of(operator.email().value());
        LoginThrottle throttle = throttles.lock(key);
        Optional<Duration> locked = throttle.lockedFor(now);
        if (locked.isPresent()) {
            return new Outcome.Throttled<>(locked.get());
        }
        boolean ok = proves.test(operator, now);
        if (factor == SignInFactor.PASSKEY) {
            sessions.challenge(tokenHash, Optional.empty());
        }
        if (!ok) {
            throttle.failed(now);
            throttles.save(key, throttle);
            auditLog.record(failure(operator, factor, now));
            return new Outcome.Refused<>();
        }
        throttle.succeeded();
        throttles.save(key, throttle);
        return new Outcome.Done<>(null);
    }

    @Override
    public void stepUpWithCode(String sessionToken, String code) {
        reported(unitOfWork.inTransaction(() -> stepUp(sessionToken, SecondFactors.meantBy(code),
                (operator, now) -> secondFactors.code(operator, code, now))));
    }

    @Override
    public void stepUpWithPasskey(String sessionToken, String assertionJson) {
        reported(unitOfWork.inTransaction(() -> {
            Optional<String> challenge = lookup.live(sessionToken, clock.instant())
                    .flatMap(found -> found.session().challenge());
            return stepUp(sessionToken, SignInFactor.PASSKEY,
                    (operator, now) -> secondFactors.passkey(operator, assertionJson, challenge, now));
        }));
    }

    private Outcome<Void> stepUp(String sessionToken, SignInFactor factor, BiPredicate<Operator, Instant> proves) {
        Instant now = clock.instant();
        Optional<ConsoleSessionLookup.Found> found = lookup.live(sessionToken, now)
                .filter(session -> session.session().stage() == ConsoleStage.FULL);
        if (found.isEmpty()) {
            return new Outcome.Refused<>();
        }
        Operator operator = operators.find(found.get().session().owner().id()).orElseThrow(AuthenticationFailed::new);
        Outcome<Void> proved = prove(operator, found.get().tokenHash(), factor, proves, now);
        if (proved instanceof Outcome.Done<Void>) {
            operators.update(operator); // the code's step is remembered: the same code is never accepted again
            sessions.secondFactorProved(found.get().tokenHash(), now);
            auditLog.record(signedIn(operator, AuditAction.OPERATOR_STEPPED_UP, factor, now));
        }
        return proved;
    }

    @Override
    public PasskeyOptions forSignIn(String halfWayToken) {
        return unitOfWork.inTransaction(() -> challenge(lookup.require(halfWayToken,
                Set.of(ConsoleStage.SECOND_FACTOR), clock.instant()), true));
    }

    @Override
    public PasskeyOptions forStepUp(String sessionToken) {
        return unitOfWork.inTransaction(() -> challenge(lookup.require(sessionToken, Set.of(ConsoleStage.FULL),
                clock.instant()), true));
    }

    @Override
    public PasskeyOptions forRegistration(String sessionToken) {
        // Fresh already, as registering will require: the step-up comes before the authenticator is touched.
        return unitOfWork.inTransaction(() -> challenge(lookup.requireFresh(sessionToken, clock.instant()), false));
    }

    /**
     * A fresh challenge kept on the session (single use): sign-in and step-up allow the operator's passkeys,
     * registration excludes them (one passkey per authenticator).
     */
    private PasskeyOptions challenge(ConsoleSessionLookup.Found found, boolean asserting) {
        Operator operator = operators.find(found.session().owner().id()).orElseThrow(AuthenticationFailed::new);
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        sessions.challenge(found.tokenHash(), Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(challenge)));
        List<String> credentials = passkeys.of(operator.id()).stream().map(PasskeyCredential::credentialId).toList();
        if (asserting && credentials.isEmpty()) {
            throw new AuthenticationFailed();
        }
        return new PasskeyOptions(challenge, verifier.relyingPartyId(), userHandle(operator),
                operator.email().value(), operator.name().value(), credentials);
    }

    /** The WebAuthn user handle: the operator's id as 16 bytes — never the e-mail address (WebAuthn §14.6.1). */
    static byte[] userHandle(Operator operator) {
        return ByteBuffer.allocate(16).putLong(operator.id().value().getMostSignificantBits())
                .putLong(operator.id().value().getLeastSignificantBits()).array();
    }

    @Override
    public void signOut(String sessionToken) {
        unitOfWork.inTransaction(() -> lookup.live(sessionToken, clock.instant()).ifPresent(found -> {
            sessions.close(found.tokenHash());
            if (found.session().stage() == ConsoleStage.FULL) {
                operators.find(found.session().owner().id()).ifPresent(operator -> auditLog.record(
                        AuditEvent.about(OperatorAudit.subject(operator), Optional.empty(), actor(operator,
                                clock.instant()), AuditAction.OPERATOR_SIGNED_OUT, List.of(), clock.instant())));
            }
        }));
    }


    private static Actor actor(Operator operator, Instant secondFactorAt) {
        return new Actor.OperatorActor(operator.id(), operator.name().value(), operator.role(), secondFactorAt);
    }

    private static AuditEvent failure(Operator operator, SignInFactor factor, Instant now) {
        return AuditEvent.about(OperatorAudit.subject(operator), Optional.empty(), Actor.SYSTEM,
                AuditAction.OPERATOR_SIGN_IN_FAILED, List.of(), now).with(factor);
    }

    private static AuditEvent signedIn(Operator operator, AuditAction action, SignInFactor factor, Instant now) {
        return AuditEvent.about(OperatorAudit.subject(operator), Optional.empty(), actor(operator, now), action,
                List.of(), now).with(factor);
    }
}
