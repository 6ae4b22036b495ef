package dev.billingportal.adapter.out.passkeys;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.AuthenticationExtensionAuthenticatorOutput;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

/**
 * A passkey authenticator in software, for tests: an ES256 key pair and a signature counter, answering the two
 * WebAuthn ceremonies as a browser would hand them to the portal (the JSON of {@code PublicKeyCredential.toJSON()}),
 * with "none" attestation. It builds what a real authenticator sends byte for byte — authenticator data, CBOR
 * attestation object, client data, an ECDSA signature over both — so the verifier is tested on the real format.
 */
final class SoftwareAuthenticator {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectConverter CONVERTER = new ObjectConverter();

    private final KeyPair keys;
    private final byte[] credentialId = new byte[16];
    private long counter;

    SoftwareAuthenticator(long counter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
        new SecureRandom().nextBytes(credentialId);
        this.counter = counter;
    }

    String credentialId() {
        return BASE64URL.encodeToString(credentialId);
    }

    /** Sets the counter the next answer starts from (a cloned authenticator's, say). */
    void counter(long value) {
        counter = value;
    }

    /** {@code navigator.credentials.create()}'s answer for {@code origin} and relying party {@code rpId}. */
    String register(byte[] challenge, String origin, String rpId) {
        AttestedCredentialData credential = new AttestedCredentialData(AAGUID.ZERO, credentialId,
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data = new AuthenticatorData<>(sha256(rpId),
                (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_AT), counter,
                credential);
        byte[] attestation = new AttestationObjectConverter(CONVERTER).convertToBytes(
                new AttestationObject(data, new NoneAttestationStatement()));
        byte[] clientData = clientData("webauthn.create", challenge, origin);
        return json(Map.of("clientDataJSON", BASE64URL.encodeToString(clientData),
                "attestationObject", BASE64URL.encodeToString(attestation)));
    }

    /** {@code navigator.credentials.get()}'s answer, signed with this authenticator's key, its counter moved on. */
    String assert_(byte[] challenge, String origin, String rpId) {
        return assertWith(keys, challenge, origin, rpId);
    }

    /** The same answer signed with another key: what a forger would send. */
    String assertSignedBy(KeyPair forger, byte[] challenge, String origin, String rpId) {
        return assertWith(forger, challenge, origin, rpId);
    }

    static KeyPair anotherKey() {
        return new SoftwareAuthenticator(0).keys;
    }

    private String assertWith(KeyPair signer, byte[] challenge, String origin, String rpId) {
        counter++;
        AuthenticatorData<AuthenticationExtensionAuthenticatorOutput> data = new AuthenticatorData<>(sha256(rpId),
                (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV), counter);
        byte[] authenticatorData = new AuthenticatorDataConverter(CONVERTER).convert(data);
        byte[] clientData = clientData("webauthn.get", challenge, origin);
        byte[] signed = ByteBuffer.allocate(authenticatorData.length + 32).put(authenticatorData)
                .put(sha256(clientData)).array();
        byte[] signature;
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA"); // DER-encoded, as WebAuthn's ES256 is
            ecdsa.initSign(signer.getPrivate());
            ecdsa.update(signed);
            signature = ecdsa.sign();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
        return json(Map.of("clientDataJSON", BASE64URL.encodeToString(clientData),
                "authenticatorData", BASE64URL.encodeToString(authenticatorData),
                "signature", BASE64URL.encodeToString(signature)));
    }

    private String json(Map<String, String> response) {
        return CONVERTER.getJsonConverter().writeValueAsString(Map.of("id", credentialId(), "rawId", credentialId(),
                "type", "public-key", "response", response, "clientExtensionResults", Map.of()));
    }

    private static byte[] clientData(String type, byte[] challenge, String origin) {
        return CONVERTER.getJsonConverter().writeValueAsString(Map.of("type", type,
                "challenge", BASE64URL.encodeToString(challenge), "origin", origin, "crossOrigin", false))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
