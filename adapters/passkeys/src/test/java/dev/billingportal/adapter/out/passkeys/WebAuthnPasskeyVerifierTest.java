package dev.billingportal.adapter.out.passkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.out.PasskeyVerifier;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.operator.PasskeyCredential;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The WebAuthn ceremonies checked on answers built byte for byte as an authenticator builds them. */
class WebAuthnPasskeyVerifierTest {
    private static final String ORIGIN = "https://portal.example.com";
    private static final String RP = "portal.example.com";
    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    private final WebAuthnPasskeyVerifier verifier = new WebAuthnPasskeyVerifier(URI.create(ORIGIN + "/"));
    private final SoftwareAuthenticator authenticator = new SoftwareAuthenticator(3);

    private static byte[] challenge() {
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        return challenge;
    }

    private PasskeyCredential registered() {
        byte[] challenge = challenge();
        PasskeyVerifier.Registration registration = verifier.verifyRegistration(
                authenticator.register(challenge, ORIGIN, RP), challenge);
        return PasskeyCredential.registered(registration.credentialId(), OperatorId.random(), "Laptop",
                registration.verifierRecord(), registration.signCount(), NOW);
    }

    @Test
    void theRelyingPartyIsThePortalsHost() {
        assertEquals("portal.example.com", verifier.relyingPartyId());
        assertEquals("localhost", new WebAuthnPasskeyVerifier(URI.create("http://localhost:8080")).relyingPartyId());
    }

    @Test
    void aRegisteredPasskeySignsInWithItsCounterMovingOn() {
        PasskeyCredential passkey = registered();
        assertEquals(authenticator.credentialId(), passkey.credentialId());
        assertEquals(3, passkey.signCount());
        assertFalse(passkey.verifierRecord().contains(authenticator.credentialId() + "="), "base64url, unpadded");

        byte[] challenge = challenge();
        String answer = authenticator.assert_(challenge, ORIGIN, RP);
        assertEquals(Optional.of(passkey.credentialId()), verifier.credentialIdOf(answer));
        PasskeyVerifier.Assertion assertion = verifier.verifyAssertion(answer, challenge, passkey);

        assertEquals(passkey.credentialId(), assertion.credentialId());
        assertEquals(4, assertion.signCount());
    }

    @Test
    void aRegistrationForAnotherChallengeOrOriginIsRefused() {
        byte[] challenge = challenge();
        assertThrows(AuthenticationFailed.class, () -> verifier.verifyRegistration(
                authenticator.register(challenge, ORIGIN, RP), challenge()), "another challenge");
        assertThrows(AuthenticationFailed.class, () -> verifier.verifyRegistration(
                authenticator.register(challenge, "https://phishing.example.net", RP), challenge), "another origin");
        assertThrows(AuthenticationFailed.class, () -> verifier.verifyRegistration(
                authenticator.register(challenge, ORIGIN, "phishing.example.net"), challenge),
                "another relying party");
    }

    @Test
    void anAssertionIsRefusedForAnotherChallengeOriginOrKey() {
        PasskeyCredential passkey = registered();
        byte[] challenge = challenge();

        assertThrows(AuthenticationFailed.class, () -> verifier.verifyAssertion(
                authenticator.assert_(challenge, ORIGIN, RP), challenge(), passkey), "a replayed answer");
        assertThrows(AuthenticationFailed.class, () -> verifier.verifyAssertion(
                authenticator.assert_(challenge, "https://phishing.example.net", RP), challenge, passkey),
                "another origin");
        assertThrows(AuthenticationFailed.class, () -> verifier.verifyAssertion(
                authenticator.assertSignedBy(SoftwareAuthenticator.anotherKey(), challenge, ORIGIN, RP), challenge,
                passkey), "signed by another key");
    }

    @Test
    void aCounterThatWentBackIsRefused() {
        PasskeyCredential passkey = registered();
        byte[] first = challenge();
        PasskeyVerifier.Assertion used = verifier.verifyAssertion(authenticator.assert_(first, ORIGIN, RP), first,
                passkey);
        PasskeyCredential afterUse = PasskeyCredential.reconstitute(passkey.credentialId(), passkey.operatorId(),
                passkey.name(), passkey.verifierRecord(), used.signCount(), NOW, NOW);

        authenticator.counter(1); // a clone of the authenticator, from before
        byte[] second = challenge();
        assertThrows(AuthenticationFailed.class, () -> verifier.verifyAssertion(
                authenticator.assert_(second, ORIGIN, RP), second, afterUse));
    }

    @Test
    void whatIsNotAnAnswerAtAllIsTheSameRefusal() {
        PasskeyCredential passkey = registered();
        assertThrows(AuthenticationFailed.class, () -> verifier.verifyRegistration("{}", challenge()));
        assertThrows(AuthenticationFailed.class, () -> verifier.verifyRegistration("not json", challenge()));
        assertThrows(AuthenticationFailed.class, () -> verifier.verifyAssertion("[1,2]", challenge(), passkey));
        assertEquals(Optional.empty(), verifier.credentialIdOf("{\"id\":"));
    }
}
