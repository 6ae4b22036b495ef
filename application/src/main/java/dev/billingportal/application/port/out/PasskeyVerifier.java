package dev.billingportal.application.port.out;

import dev.billingportal.domain.operator.PasskeyCredential;
import java.util.Optional;

/**
 * The WebAuthn ceremonies' server side (spec §11): checks what a browser's authenticator answered to a challenge of
 * ours — for this portal's origin and relying-party id, with user verification preferred. Anything that does not verify
 * is {@code AuthenticationFailed}; nothing here stores anything.
 */
public interface PasskeyVerifier {

    /** What a verified registration gives us to keep. */
    record Registration(String credentialId, String verifierRecord, long signCount) {
    }

    /** What a verified assertion proved: which credential signed, with which counter. */
    record Assertion(String credentialId, long signCount) {
    }

    /** The relying party: the id (the portal's host) and the name the authenticator shows. */
    String relyingPartyId();

    /** Verifies {@code navigator.credentials.create()}'s answer (as JSON) to {@code challenge}. */
    Registration verifyRegistration(String responseJson, byte[] challenge);

    /** The credential id an assertion's JSON names, read before it is verified (to find the stored passkey). */
    Optional<String> credentialIdOf(String responseJson);

    /** Verifies {@code navigator.credentials.get()}'s answer (as JSON) to {@code challenge} with the stored passkey. */
    Assertion verifyAssertion(String responseJson, byte[] challenge, PasskeyCredential passkey);
}
