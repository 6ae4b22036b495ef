package dev.billingportal.testing;

import dev.billingportal.application.port.out.PasskeyVerifier;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.operator.PasskeyCredential;
import java.util.Base64;
import java.util.Optional;

/**
 * Stands in for WebAuthn in the service tests: a "browser answer" is {@code credentialId|signCount|challenge} (the
 * challenge base64url), and it verifies when its challenge is the one given. The real ceremony, with signatures, is
 * the passkeys adapter's test (webauthn4j).
 */
public final class FakePasskeyVerifier implements PasskeyVerifier {

    public static String answer(String credentialId, long signCount, byte[] challenge) {
        return credentialId + "|" + signCount + "|" + Base64.getUrlEncoder().withoutPadding().encodeToString(challenge);
    }

    @Override
    public String relyingPartyId() {
        return "portal.test";
    }

    @Override
    public Registration verifyRegistration(String responseJson, byte[] challenge) {
        String[] parts = verified(responseJson, challenge);
        return new Registration(parts[0], "record-of-" + parts[0], Long.parseLong(parts[1]));
    }

    @Override
    public Optional<String> credentialIdOf(String responseJson) {
        String[] parts = responseJson.split("\\|");
        return parts.length == 3 ? Optional.of(parts[0]) : Optional.empty();
    }

    @Override
    public Assertion verifyAssertion(String responseJson, byte[] challenge, PasskeyCredential passkey) {
        String[] parts = verified(responseJson, challenge);
        if (!parts[0].equals(passkey.credentialId())) {
            throw new AuthenticationFailed();
        }
        return new Assertion(parts[0], Long.parseLong(parts[1]));
    }

    private static String[] verified(String response, byte[] challenge) {
        String[] parts = response.split("\\|");
        if (parts.length != 3 || !parts[2].equals(Base64.getUrlEncoder().withoutPadding().encodeToString(challenge))) {
            throw new AuthenticationFailed();
        }
        return parts;
    }
}
