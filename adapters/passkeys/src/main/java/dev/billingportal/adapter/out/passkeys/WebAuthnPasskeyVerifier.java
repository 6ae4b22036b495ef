package dev.billingportal.adapter.out.passkeys;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import dev.billingportal.application.port.out.PasskeyVerifier;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.operator.PasskeyCredential;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WebAuthn ceremonies' server side with webauthn4j (docs/dependencies.md): the origin is the portal's
 * {@code portal.base-url}, the relying party id its host, user verification preferred (not required: spec §11), user
 * presence required, and any attestation accepted as none — the portal trusts the password and the operator's
 * enrolment, not a make of authenticator. What a passkey needs to be checked later (its credential id and public key)
 * is kept as webauthn4j's attested-credential-data bytes, base64url: a public key, no secret.
 */
public final class WebAuthnPasskeyVerifier implements PasskeyVerifier {
    private static final Logger LOG = Logger.getLogger(WebAuthnPasskeyVerifier.class.getName());
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder FROM_BASE64URL = Base64.getUrlDecoder();
    /** ES256, EdDSA and RS256: what platform authenticators and security keys sign with. */
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    private final Origin origin;
    private final String relyingPartyId;
    /** Built at the first ceremony: its JSON and CBOR mappers cost a few megabytes a portal without passkeys spares. */
    private volatile Verification verification;

    /** webauthn4j's manager and the converter of what a passkey keeps, built together. */
    private record Verification(WebAuthnManager manager, AttestedCredentialDataConverter credentialData) {
        static Verification build() {
            ObjectConverter converter = new ObjectConverter();
            return new Verification(WebAuthnManager.createNonStrictWebAuthnManager(converter),
                    new AttestedCredentialDataConverter(converter));
        }
    }

    /** For the portal at {@code baseUrl} ({@code portal.base-url}). */
    public WebAuthnPasskeyVerifier(URI baseUrl) {
        String scheme = baseUrl.getScheme().toLowerCase(Locale.ROOT);
        String host = baseUrl.getHost().toLowerCase(Locale.ROOT);
        this.origin = new Origin(scheme + "://" + host + (baseUrl.getPort() < 0 ? "" : ":" + baseUrl.getPort()));
        this.relyingPartyId = host;
    }

    private Verification verification() {
        Verification built = verification;
        if (built == null) {
            synchronized (this) {
                if (verification == null) {
                    verification = Verification.build();
                }
                built = verification;
            }
        }
        return built;
    }

    @Override
    public String relyingPartyId() {
        return relyingPartyId;
    }

    @Override
    public Registration verifyRegistration(String responseJson, byte[] challenge) {
        try {
            Verification webAuthn = verification();
            RegistrationData verified = webAuthn.manager().verifyRegistrationResponseJSON(responseJson,
                    new RegistrationParameters(server(challenge), ALGORITHMS, false, true));
            AuthenticatorData<?> authenticatorData = verified.getAttestationObject().getAuthenticatorData();
            AttestedCredentialData credential = authenticatorData.getAttestedCredentialData();
            return new Registration(BASE64URL.encodeToString(credential.getCredentialId()),
                    BASE64URL.encodeToString(webAuthn.credentialData().convert(credential)),
                    authenticatorData.getSignCount());
        } catch (RuntimeException refused) {
            throw refused("registration", refused);
        }
    }

    @Override
    public Optional<String> credentialIdOf(String responseJson) {
        try {
            return Optional.ofNullable(verification().manager().parseAuthenticationResponseJSON(responseJson)
                            .getCredentialId())
                    .map(BASE64URL::encodeToString);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public Assertion verifyAssertion(String responseJson, byte[] challenge, PasskeyCredential passkey) {
        try {
            Verification webAuthn = verification();
            AttestedCredentialData credential = webAuthn.credentialData().convert(FROM_BASE64URL.decode(
                    passkey.verifierRecord()));
            CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null,
                    passkey.signCount(), credential, null, null, null, null);
            AuthenticationData verified = webAuthn.manager().verifyAuthenticationResponseJSON(responseJson,
                    new AuthenticationParameters(server(challenge), record, List.of(credential.getCredentialId()),
                            false, true));
            return new Assertion(BASE64URL.encodeToString(verified.getCredentialId()),
                    verified.getAuthenticatorData().getSignCount());
        } catch (RuntimeException refused) {
            throw refused("assertion", refused);
        }
    }

    private ServerProperty server(byte[] challenge) {
        return new ServerProperty(origin, relyingPartyId, new DefaultChallenge(challenge));
    }

    /** Whatever did not verify is the same generic failure; why is logged (no secret is in it), not answered. */
    private static AuthenticationFailed refused(String ceremony, RuntimeException why) {
        if (why instanceof AuthenticationFailed failed) {
            return failed;
        }
        LOG.log(Level.FINE, "A passkey " + ceremony + " did not verify: " + why.getClass().getSimpleName() + ": "
                + why.getMessage());
        return new AuthenticationFailed();
    }
}
