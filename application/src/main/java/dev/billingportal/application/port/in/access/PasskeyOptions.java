package dev.billingportal.application.port.in.access;

import java.util.List;
import java.util.Objects;

/**
 * What the browser needs to run a WebAuthn ceremony: the challenge (single use, kept on the session), the relying
 * party, the operator as the authenticator should know them, and the credentials to allow (sign-in, step-up) or to
 * exclude (registration: one passkey per authenticator).
 */
public record PasskeyOptions(byte[] challenge, String relyingPartyId, byte[] userHandle, String userName,
                             String displayName, List<String> credentialIds) {
    public PasskeyOptions {
        challenge = challenge.clone();
        Objects.requireNonNull(relyingPartyId, "relyingPartyId");
        userHandle = userHandle.clone();
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(displayName, "displayName");
        credentialIds = List.copyOf(credentialIds);
    }

    @Override
    public byte[] challenge() {
        return challenge.clone();
    }

    @Override
    public byte[] userHandle() {
        return userHandle.clone();
    }
}
