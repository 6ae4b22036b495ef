package dev.billingportal.application.service.access;

import static dev.billingportal.testing.InMemoryPortal.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.access.EnrolmentDone;
import dev.billingportal.application.port.in.access.LinkToken;
import dev.billingportal.application.port.in.access.LogInCommand;
import dev.billingportal.application.port.in.access.PasskeyOptions;
import dev.billingportal.application.port.in.access.SetPasswordCommand;
import dev.billingportal.application.port.in.access.SignInProgress;
import dev.billingportal.application.port.in.access.TotpEnrolment;
import dev.billingportal.application.port.in.operator.InviteOperatorCommand;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ConsoleStage;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.failure.InvalidToken;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.StepUpRequired;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.operator.OperatorStatus;
import dev.billingportal.domain.operator.RecoveryCode;
import dev.billingportal.domain.operator.Totp;
import dev.billingportal.domain.operator.TotpSecret;
import dev.billingportal.testing.FakePasskeyVerifier;
import dev.billingportal.testing.InMemoryPortal;
import dev.billingportal.testing.OperatorServices;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec §11: an invited operator chooses a password, must enrol an authenticator before anything else, is shown ten
 * recovery codes once; passkeys come later; a reset password never skips the second factor.
 */
class OperatorEnrolmentTest {
    private static final String PASSWORD = "a long new password";
    private final InMemoryPortal portal = new InMemoryPortal();
    private final OperatorServices services = new OperatorServices(portal);

    /** Invites Nia with the installation key; the link her invitation mail would carry. */
    private String invitationLink() {
        services.administration.invite(InviteOperatorCommand.of(Actor.INSTALLATION, "nia@provider.example",
                "Nia Okafor", "admin", "fr-CA", null));
        String token = SecretTokens.generate();
        Operator nia = portal.stores.operators().findByEmail(new dev.billingportal.domain.user.EmailAddress(
                "nia@provider.example")).orElseThrow();
        portal.stores.operatorTokens().replace(nia.id(), TokenPurpose.INVITATION, SecretTokens.hash(token),
                NOW.plus(TokenPurpose.INVITATION.validity()), NOW);
        return token;
    }

    @Test
    void anInvitationLeadsThroughAPasswordAndAnAuthenticatorToTheConsoleWithTenRecoveryCodes() {
        String link = invitationLink();
        assertEquals(1, portal.deliveries(NotificationKind.OPERATOR_INVITATION).size());

        SignInProgress halfWay = services.links.acceptInvitation(SetPasswordCommand.of(link, PASSWORD));
        assertEquals(ConsoleStage.ENROLMENT, halfWay.stage());
        assertTrue(services.consoleCaller(halfWay.token()).isEmpty(), "not before the second factor");

        TotpEnrolment enrolment = services.enrol.begin(halfWay.token());
        URI uri = URI.create(enrolment.provisioningUri());
        assertEquals("otpauth", uri.getScheme());
        assertTrue(enrolment.provisioningUri().contains("secret=" + enrolment.secretText()));
        TotpSecret shown = TotpSecret.fromBase32(enrolment.secretText());
        assertThrows(RuleViolation.class, () -> services.enrol.confirm(halfWay.token(), "000000"));
        assertEquals(enrolment, services.enrol.begin(halfWay.token()), "a reload after a wrong code: the same secret");

        EnrolmentDone done = services.enrol.confirm(halfWay.token(), Totp.code(shown, Totp.step(NOW)));

        assertEquals(10, done.recoveryCodes().size());
        assertEquals(10, new HashSet<>(done.recoveryCodes()).size());
        Actor.OperatorActor nia = (Actor.OperatorActor) services.consoleCaller(done.session().orElseThrow().token())
                .orElseThrow();
        assertEquals(OperatorRole.ADMIN, nia.role());
        assertEquals(OperatorStatus.ACTIVE, portal.stores.operators().find(nia.id()).orElseThrow().status());
        assertTrue(services.consoleCaller(halfWay.token()).isEmpty());
        for (String code : done.recoveryCodes()) {
            assertFalse(portal.stores.recoveryCodes().hashes().contains(code), "only hashes are kept");
            assertTrue(portal.stores.recoveryCodes().hashes().contains(RecoveryCode.parse(code).orElseThrow().hash()));
        }
        assertTrue(portal.stores.auditLog().actions().containsAll(List.of(AuditAction.OPERATOR_INVITED,
                AuditAction.OPERATOR_INVITATION_ACCEPTED, AuditAction.OPERATOR_TOTP_ENROLLED,
                AuditAction.OPERATOR_RECOVERY_CODES_CREATED, AuditAction.OPERATOR_SIGNED_IN)));
    }

    @Test
    void anInvitationLinkWorksOnce() {
        String link = invitationLink();
        assertTrue(services.links.isUsable(new LinkToken(link, TokenPurpose.INVITATION)));
        assertFalse(services.links.isUsable(new LinkToken(link, TokenPurpose.PASSWORD_RESET)), "not a reset link");
        services.links.acceptInvitation(SetPasswordCommand.of(link, PASSWORD));
        assertFalse(services.links.isUsable(new LinkToken(link, TokenPurpose.INVITATION)), "used");
        assertFalse(services.links.isUsable(new LinkToken("not a token", TokenPurpose.INVITATION)));
        assertThrows(InvalidToken.class, () -> services.links.acceptInvitation(SetPasswordCommand.of(link, PASSWORD)));
        assertThrows(InvalidToken.class, () -> services.links.acceptInvitation(
                SetPasswordCommand.of(SecretTokens.generate(), PASSWORD)));
    }

    @Test
    void reEnrollingFromTheProfileAsksForAFreshSecondFactorAndTheNewAuthenticatorReplacesTheOld() {
        InMemoryPortal.EnrolledOperator sam = portal.operator("Sam", OperatorRole.SUPPORT);
        String session = portal.consoleSession(sam.operator());
        portal.clock.advance(Duration.ofMinutes(6));
        assertThrows(StepUpRequired.class, () -> services.enrol.begin(session));
        assertThrows(StepUpRequired.class, () -> services.enrol.regenerate(session));

        services.signIn.stepUpWithCode(session, sam.code(portal.clock.instant()));
        TotpSecret next = TotpSecret.fromBase32(services.enrol.begin(session).secretText());
        EnrolmentDone done = services.enrol.confirm(session, Totp.code(next, Totp.step(portal.clock.instant())));

        assertTrue(done.session().isEmpty(), "the running session goes on");
        portal.clock.advance(Duration.ofSeconds(30));
        SignInProgress halfWay = services.signIn.signIn(LogInCommand.of("sam@provider.example",
                "correct horse battery", SessionChannel.WEB));
        assertThrows(AuthenticationFailed.class, () -> services.signIn.withCode(halfWay.token(),
                sam.code(portal.clock.instant())), "the old authenticator no longer counts");
        services.signIn.withCode(halfWay.token(), Totp.code(next, Totp.step(portal.clock.instant())));
    }

    @Test
    void aPasskeyIsRegisteredOnAFreshSessionAndRemovedByItsOwner() {
        InMemoryPortal.EnrolledOperator sam = portal.operator("Sam", OperatorRole.SUPPORT);
        String session = portal.consoleSession(sam.operator());
        PasskeyOptions options = services.signIn.forRegistration(session);
        assertTrue(options.credentialIds().isEmpty());

        services.enrol.register(session, FakePasskeyVerifier.answer("cred-9", 0, options.challenge()), "Phone");

        assertEquals("Phone", portal.stores.passkeys().of(sam.operator().id()).get(0).name());
        assertEquals(List.of("cred-9"), services.signIn.forRegistration(session).credentialIds(),
                "registering again excludes it");
        assertThrows(AuthenticationFailed.class, () -> services.enrol.register(session,
                FakePasskeyVerifier.answer("cred-10", 0, options.challenge()), "Laptop"), "the challenge was spent");

        services.enrol.remove(session, "cred-9");
        assertTrue(portal.stores.passkeys().of(sam.operator().id()).isEmpty());
        portal.clock.advance(Duration.ofMinutes(6));
        assertThrows(StepUpRequired.class, () -> services.signIn.forRegistration(session),
                "a stale second factor is asked again before the authenticator is touched");
    }

    @Test
    void aResetPasswordEndsTheSessionsAndTheNextSignInStillAsksForTheSecondFactor() {
        InMemoryPortal.EnrolledOperator sam = portal.operator("Sam", OperatorRole.SUPPORT);
        String session = portal.consoleSession(sam.operator());
        services.links.requestPasswordReset("SAM@provider.example");
        services.links.requestPasswordReset("nobody@provider.example");
        assertEquals(1, portal.deliveries(NotificationKind.OPERATOR_PASSWORD_RESET).size());
        String token = SecretTokens.generate();
        portal.stores.operatorTokens().replace(sam.operator().id(), TokenPurpose.PASSWORD_RESET,
                SecretTokens.hash(token), NOW.plusSeconds(3600), NOW);

        assertTrue(services.links.isUsable(new LinkToken(token, TokenPurpose.PASSWORD_RESET)));
        services.links.resetPassword(SetPasswordCommand.of(token, PASSWORD));
        assertFalse(services.links.isUsable(new LinkToken(token, TokenPurpose.PASSWORD_RESET)), "used");

        assertTrue(services.consoleCaller(session).isEmpty(), "the sessions ended");
        SignInProgress halfWay = services.signIn.signIn(LogInCommand.of("sam@provider.example", PASSWORD,
                SessionChannel.WEB));
        assertEquals(ConsoleStage.SECOND_FACTOR, halfWay.stage(), "a reset never skips the second factor");
        assertTrue(services.consoleCaller(halfWay.token()).isEmpty());
    }
}
