package dev.billingportal.application.service.access;

import dev.billingportal.application.port.in.access.EnrolAuthenticatorUseCase;
import dev.billingportal.application.port.in.access.EnrolmentDone;
import dev.billingportal.application.port.in.access.PasskeysUseCase;
import dev.billingportal.application.port.in.access.RecoveryCodesUseCase;
import dev.billingportal.application.port.in.access.SessionToken;
import dev.billingportal.application.port.in.access.TotpEnrolment;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.ConsoleSessions;
import dev.billingportal.application.port.out.Operators;
import dev.billingportal.application.port.out.PasskeyVerifier;
import dev.billingportal.application.port.out.Passkeys;
import dev.billingportal.application.port.out.RecoveryCodes;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ConsoleStage;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.SessionTimeouts;
import dev.billingportal.domain.access.SignInFactor;
import dev.billingportal.domain.access.StepUpPolicy;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.failure.FieldChecks;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.StepUpRequired;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.operator.PasskeyCredential;
import dev.billingportal.domain.operator.RecoveryCode;
import dev.billingportal.domain.operator.Totp;
import dev.billingportal.domain.operator.TotpSecret;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An operator's second factors (spec §11): enrolling the authenticator — right after the invitation, after a reset,
 * or again from the profile — with its ten recovery codes, new recovery codes, and passkeys. Replacing or adding a
 * factor on a running session asks for a fresh one first (step-up), so a session left open is not enough to plant an
 * attacker's authenticator or passkey.
 */
public final class EnrolSecondFactorService implements EnrolAuthenticatorUseCase, RecoveryCodesUseCase,
        PasskeysUseCase {
    private final UnitOfWork unitOfWork;
    private final Operators operators;
    private final ConsoleSessions sessions;
    private final ConsoleSessionLookup lookup;
    private final RecoveryCodes recoveryCodes;
    private final Passkeys passkeys;
    private final PasskeyVerifier verifier;
    private final AuditLog auditLog;
    private final String issuer;
    private final Clock clock;

    /** @param issuer how the operator's authenticator app names this installation */
    public EnrolSecondFactorService(UnitOfWork unitOfWork, Operators operators, ConsoleSessions sessions,
                                    SessionTimeouts consoleTimeouts, RecoveryCodes recoveryCodes, Passkeys passkeys,
                                    PasskeyVerifier verifier, AuditLog auditLog, String issuer, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.operators = operators;
        this.sessions = sessions;
        this.lookup = new ConsoleSessionLookup(sessions, consoleTimeouts);
        this.recoveryCodes = recoveryCodes;
        this.passkeys = passkeys;
        this.verifier = verifier;
        this.auditLog = auditLog;
        this.issuer = issuer;
        this.clock = clock;
    }

    @Override
    public TotpEnrolment begin(String sessionToken) {
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            Operator operator = enrolling(lookup.require(sessionToken, Set.of(ConsoleStage.ENROLMENT,
                    ConsoleStage.FULL), now), now);
            // The secret already shown, while unconfirmed: a reload or a mistyped code does not make the operator
            // scan a new QR code (and leave a dead entry in their app).
            Optional<TotpSecret> shown = operator.pendingTotpSecret();
            TotpSecret secret = shown.orElseGet(TotpSecret::generate);
            if (shown.isEmpty()) {
                operator.beginTotpEnrolment(secret, now);
                operators.update(operator);
            }
            return new TotpEnrolment(secret.base32(), Totp.provisioningUri(secret, issuer, operator.email().value()));
        });
    }

    @Override
    public EnrolmentDone confirm(String sessionToken, String code) {
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            ConsoleSessionLookup.Found found = lookup.require(sessionToken, Set.of(ConsoleStage.ENROLMENT,
                    ConsoleStage.FULL), now);
            Operator operator = enrolling(found, now);
            if (!operator.confirmTotpEnrolment(code, now)) {
                throw RuleViolation.field("code", "does not match: check the time on your device and type the code"
                        + " it shows now");
            }
            List<String> codes = newRecoveryCodes(operator, now);
            Actor actor = actor(operator, now);
            auditLog.record(about(operator, actor, AuditAction.OPERATOR_TOTP_ENROLLED, now));
            auditLog.record(about(operator, actor, AuditAction.OPERATOR_RECOVERY_CODES_CREATED, now));
            Optional<SessionToken> opened = Optional.empty();
            if (found.session().stage() == ConsoleStage.ENROLMENT) { // the sign-in it finishes
                sessions.close(found.tokenHash());
                operator.signedIn(now);
                String token = SecretTokens.generate();
                sessions.open(SecretTokens.hash(token), operator.id(), ConsoleStage.FULL, now,
                        now.plus(SessionTimeouts.ABSOLUTE), Optional.of(now));
                opened = Optional.of(new SessionToken(token, SessionTimeouts.ABSOLUTE));
                auditLog.record(about(operator, actor, AuditAction.OPERATOR_SIGNED_IN, now).with(SignInFactor.TOTP));
            } else {
                sessions.secondFactorProved(found.tokenHash(), now); // the new authenticator just proved itself
            }
            operators.update(operator);
            return new EnrolmentDone(opened, codes);
        });
    }

    @Override
    public List<String> regenerate(String sessionToken) {
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            Operator operator = operator(lookup.requireFresh(sessionToken, now));
            List<String> codes = newRecoveryCodes(operator, now);
            auditLog.record(about(operator, actor(operator, now), AuditAction.OPERATOR_RECOVERY_CODES_CREATED, now));
            return codes;
        });
    }

    @Override
    public PasskeyCredential register(String sessionToken, String registrationJson, String name) {
        FieldChecks checks = FieldChecks.start();
        String passkeyName = checks.required("name", name, raw -> dev.billingportal.domain.common.Text.singleLine(raw,
                1, 100));
        checks.orThrow();
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            ConsoleSessionLookup.Found found = lookup.requireFresh(sessionToken, now);
            Operator operator = operator(found);
            String challenge = found.session().challenge().orElseThrow(AuthenticationFailed::new);
            sessions.challenge(found.tokenHash(), Optional.empty()); // single use, whatever comes of it
            PasskeyVerifier.Registration registration = verifier.verifyRegistration(registrationJson,
                    Base64.getUrlDecoder().decode(challenge));
            PasskeyCredential passkey = PasskeyCredential.registered(registration.credentialId(), operator.id(),
                    passkeyName, registration.verifierRecord(), registration.signCount(), now);
            passkeys.add(passkey);
            auditLog.record(about(operator, actor(operator, now), AuditAction.OPERATOR_PASSKEY_REGISTERED, now));
            return passkey;
        });
    }

    @Override
    public void remove(String sessionToken, String credentialId) {
        unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            Operator operator = operator(lookup.require(sessionToken, Set.of(ConsoleStage.FULL), now));
            if (!passkeys.remove(operator.id(), credentialId)) {
                throw new NotFound("The passkey");
            }
            auditLog.record(about(operator, actor(operator, now), AuditAction.OPERATOR_PASSKEY_REMOVED, now));
        });
    }

    /** The operator of an enrolment: a new one half-way, or a signed-in one with a fresh second factor. */
    private Operator enrolling(ConsoleSessionLookup.Found found, Instant now) {
        if (found.session().stage() == ConsoleStage.FULL
                && !found.session().secondFactorAt().map(at -> StepUpPolicy.isFresh(at, now)).orElse(false)) {
            throw new StepUpRequired();
        }
        return operator(found);
    }

    private Operator operator(ConsoleSessionLookup.Found found) {
        return operators.find(found.session().owner().id()).orElseThrow(AuthenticationFailed::new);
    }

    private List<String> newRecoveryCodes(Operator operator, Instant now) {
        List<RecoveryCode> codes = RecoveryCode.generateSet();
        recoveryCodes.replace(operator.id(), codes.stream().map(RecoveryCode::hash).toList(), now);
        return codes.stream().map(RecoveryCode::value).toList();
    }

    private static Actor actor(Operator operator, Instant now) {
        return new Actor.OperatorActor(operator.id(), operator.name().value(), operator.role(), now);
    }

    private static AuditEvent about(Operator operator, Actor actor, AuditAction action, Instant now) {
        return AuditEvent.about(OperatorAudit.subject(operator), Optional.empty(), actor, action, List.of(), now);
    }
}
