package dev.billingportal.application.service.access;

import static dev.billingportal.testing.InMemoryPortal.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.access.LogInCommand;
import dev.billingportal.application.port.in.access.PasskeyOptions;
import dev.billingportal.application.port.in.access.SessionToken;
import dev.billingportal.application.port.in.access.SignInProgress;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ConsoleStage;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.access.SignInFactor;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.failure.TooManyAttempts;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.operator.PasskeyCredential;
import dev.billingportal.domain.operator.RecoveryCode;
import dev.billingportal.testing.FakePasskeyVerifier;
import dev.billingportal.testing.InMemoryPortal;
import dev.billingportal.testing.OperatorServices;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Spec §11: an operator signs in with e-mail and password, then a code or a passkey; every failure looks alike. */
class OperatorSignInServiceTest {
    private static final String PASSWORD = "correct horse battery";
    private final InMemoryPortal portal = new InMemoryPortal();
    private final OperatorServices services = new OperatorServices(portal);
    private final InMemoryPortal.EnrolledOperator sam = portal.operator("Sam", OperatorRole.SUPPORT);

    private SignInProgress password(String email, String password) {
        return services.signIn.signIn(LogInCommand.of(email, password, SessionChannel.WEB));
    }

    @Test
    void thePasswordThenACodeOpenTheConsoleWithANewTokenAndTheHalfWayOneOpensNothing() {
        SignInProgress halfWay = password("SAM@provider.example ", PASSWORD);
        assertEquals(ConsoleStage.SECOND_FACTOR, halfWay.stage());
        assertFalse(halfWay.passkeys());
        assertTrue(services.consoleCaller(halfWay.token()).isEmpty(), "the password alone opens nothing");

        SessionToken session = services.signIn.withCode(halfWay.token(), sam.code(NOW));

        assertNotEquals(halfWay.token(), session.token(), "a fresh token once both steps are done");
        Actor.OperatorActor caller = (Actor.OperatorActor) services.consoleCaller(session.token()).orElseThrow();
        assertEquals(sam.operator().id(), caller.id());
        assertEquals(NOW, caller.secondFactorAt());
        assertThrows(AuthenticationFailed.class, () -> services.signIn.withCode(halfWay.token(), sam.code(NOW)),
                "the half-way token is spent");
        AuditEvent signedIn = last(AuditAction.OPERATOR_SIGNED_IN);
        assertEquals(Optional.of(SignInFactor.TOTP), signedIn.factor());
        assertEquals("Sam", signedIn.actor().name());
        assertEquals(Optional.of(NOW), portal.stores.operators().find(sam.operator().id()).orElseThrow()
                .lastSignInAt());
    }

    @Test
    void theConsoleCanAskWhereAHalfWaySignInStandsButNotAboutAFullSessionOrAnEndedOne() {
        SignInProgress halfWay = password("sam@provider.example", PASSWORD);

        SignInProgress found = services.signIn.halfWay(halfWay.token()).orElseThrow();
        assertEquals(ConsoleStage.SECOND_FACTOR, found.stage());
        assertFalse(found.passkeys());
        SessionToken session = services.signIn.withCode(halfWay.token(), sam.code(NOW));
        assertTrue(services.signIn.halfWay(halfWay.token()).isEmpty(), "spent by the second step");
        assertTrue(services.signIn.halfWay(session.token()).isEmpty(), "a full session is not half-way");
        assertTrue(services.signIn.halfWay("no such token").isEmpty());

        SignInProgress late = password("sam@provider.example", PASSWORD);
        portal.clock.advance(ConsoleStage.HALF_WAY_LIFETIME);
        assertTrue(services.signIn.halfWay(late.token()).isEmpty(), "a half-way session does not outlive its step");
    }

    @Test
    void anUnknownAddressAWrongPasswordAnInvitedOrDisabledOperatorAllFailAlike() {
        Operator invited = portal.invitedOperator("Ivy", OperatorRole.SUPPORT);
        InMemoryPortal.EnrolledOperator gone = portal.operator("Gus", OperatorRole.SUPPORT);
        Operator disabled = gone.operator();
        disabled.disable(NOW);
        portal.stores.operators().update(disabled);

        List<Runnable> attempts = List.of(
                () -> password("nobody@provider.example", PASSWORD),
                () -> password("not an address", PASSWORD),
                () -> password("sam@provider.example", "wrong password!"),
                () -> password(invited.email().value(), PASSWORD),
                () -> password(disabled.email().value(), PASSWORD));
        for (Runnable attempt : attempts) {
            AuthenticationFailed failure = assertThrows(AuthenticationFailed.class, attempt::run);
            assertEquals(AuthenticationFailed.MESSAGE, failure.getMessage());
        }
        AuditEvent failed = last(AuditAction.OPERATOR_SIGN_IN_FAILED);
        assertEquals(Optional.of(SignInFactor.PASSWORD), failed.factor());
    }

    @Test
    void fiveFailuresOfEitherStepLockTheAddressEvenWithTheRightCredentials() {
        for (int i = 0; i < 3; i++) {
            assertThrows(AuthenticationFailed.class, () -> password("sam@provider.example", "wrong password!"));
        }
        for (int i = 0; i < 2; i++) {
            SignInProgress halfWay = password("sam@provider.example", PASSWORD);
            assertThrows(AuthenticationFailed.class, () -> services.signIn.withCode(halfWay.token(), "000000"));
        }
        TooManyAttempts locked = assertThrows(TooManyAttempts.class, () -> password("sam@provider.example", PASSWORD));
        assertEquals(Duration.ofMinutes(15), locked.retryAfter());

        portal.clock.advance(Duration.ofMinutes(15));
        SignInProgress halfWay = password("sam@provider.example", PASSWORD);
        services.signIn.withCode(halfWay.token(), sam.code(portal.clock.instant()));
    }

    @Test
    void aCodeIsAcceptedOnceAndACodeTwoStepsAwayNever() {
        SignInProgress first = password("sam@provider.example", PASSWORD);
        services.signIn.withCode(first.token(), sam.code(NOW));
        SignInProgress second = password("sam@provider.example", PASSWORD);
        assertThrows(AuthenticationFailed.class, () -> services.signIn.withCode(second.token(), sam.code(NOW)),
                "the same code again");
        assertThrows(AuthenticationFailed.class,
                () -> services.signIn.withCode(second.token(), sam.code(NOW.plusSeconds(60))), "two steps ahead");
        services.signIn.withCode(second.token(), sam.code(NOW.plusSeconds(30)));
    }

    @Test
    void aRecoveryCodeAnswersTheSecondStepOnce() {
        List<RecoveryCode> codes = RecoveryCode.generateSet();
        portal.stores.recoveryCodes().replace(sam.operator().id(), codes.stream().map(RecoveryCode::hash).toList(), NOW);
        String typed = codes.get(3).value().toUpperCase().replace("-", " ");

        services.signIn.withCode(password("sam@provider.example", PASSWORD).token(), typed);

        assertEquals(Optional.of(SignInFactor.RECOVERY_CODE), last(AuditAction.OPERATOR_SIGNED_IN).factor());
        assertEquals(9, portal.stores.recoveryCodes().remaining(sam.operator().id()));
        SignInProgress again = password("sam@provider.example", PASSWORD);
        assertThrows(AuthenticationFailed.class, () -> services.signIn.withCode(again.token(), typed));
        assertEquals(Optional.of(SignInFactor.RECOVERY_CODE), last(AuditAction.OPERATOR_SIGN_IN_FAILED).factor());
    }

    @Test
    void aPasskeyAnswersTheChallengeItWasGivenOnceAndACounterThatGoesBackIsRefused() {
        portal.stores.passkeys().add(PasskeyCredential.registered("cred-1", sam.operator().id(), "YubiKey",
                "record", 10, NOW));
        SignInProgress halfWay = password("sam@provider.example", PASSWORD);
        assertTrue(halfWay.passkeys());
        PasskeyOptions options = services.signIn.forSignIn(halfWay.token());
        assertEquals(List.of("cred-1"), options.credentialIds());
        assertThrows(AuthenticationFailed.class, () -> services.signIn.withPasskey(halfWay.token(),
                FakePasskeyVerifier.answer("cred-1", 11, new byte[32])), "an answer to another challenge");
        assertThrows(AuthenticationFailed.class, () -> services.signIn.withPasskey(halfWay.token(),
                FakePasskeyVerifier.answer("cred-1", 11, options.challenge())), "the challenge is single use");

        PasskeyOptions fresh = services.signIn.forSignIn(halfWay.token());
        assertThrows(AuthenticationFailed.class, () -> services.signIn.withPasskey(halfWay.token(),
                FakePasskeyVerifier.answer("cred-1", 9, fresh.challenge())), "the counter went back: a clone?");

        PasskeyOptions third = services.signIn.forSignIn(halfWay.token());
        SessionToken session = services.signIn.withPasskey(halfWay.token(),
                FakePasskeyVerifier.answer("cred-1", 11, third.challenge()));
        assertTrue(services.consoleCaller(session.token()).isPresent());
        assertEquals(11, portal.stores.passkeys().find("cred-1").orElseThrow().signCount());
        assertEquals(Optional.of(SignInFactor.PASSKEY), last(AuditAction.OPERATOR_SIGNED_IN).factor());
    }

    @Test
    void anOperatorWithoutASecondFactorIsSentToEnrolAndCannotSkipIt() {
        Operator fresh = portal.invitedOperator("Nia", OperatorRole.BILLING);
        fresh.choosePassword(InMemoryPortal.HASHER.hash(PASSWORD), NOW);
        portal.stores.operators().update(fresh);

        SignInProgress halfWay = password("nia@provider.example", PASSWORD);

        assertEquals(ConsoleStage.ENROLMENT, halfWay.stage());
        assertThrows(AuthenticationFailed.class, () -> services.signIn.withCode(halfWay.token(), "123456"));
        assertTrue(services.consoleCaller(halfWay.token()).isEmpty());
    }

    @Test
    void aStepUpRenewsTheSecondFactorOfTheRunningSession() {
        String session = services.signIn.withCode(password("sam@provider.example", PASSWORD).token(),
                sam.code(NOW)).token();
        portal.clock.advance(Duration.ofMinutes(10));
        assertEquals(NOW, ((Actor.OperatorActor) services.consoleCaller(session).orElseThrow()).secondFactorAt());
        assertThrows(AuthenticationFailed.class, () -> services.signIn.stepUpWithCode(session, sam.code(NOW)),
                "spent at sign-in");

        services.signIn.stepUpWithCode(session, sam.code(portal.clock.instant()));

        assertEquals(portal.clock.instant(),
                ((Actor.OperatorActor) services.consoleCaller(session).orElseThrow()).secondFactorAt());
        assertEquals(Optional.of(SignInFactor.TOTP), last(AuditAction.OPERATOR_STEPPED_UP).factor());
    }

    @Test
    void signingOutEndsTheSession() {
        String session = services.signIn.withCode(password("sam@provider.example", PASSWORD).token(),
                sam.code(NOW)).token();
        services.signIn.signOut(session);
        assertTrue(services.consoleCaller(session).isEmpty());
        assertEquals(AuditAction.OPERATOR_SIGNED_OUT, portal.stores.auditLog().actions()
                .get(portal.stores.auditLog().actions().size() - 1));
    }

    private AuditEvent last(AuditAction action) {
        List<AuditEvent> all = portal.stores.auditLog().all().stream().filter(e -> e.action() == action).toList();
        assertFalse(all.isEmpty(), "no " + action);
        return all.get(all.size() - 1);
    }
}
