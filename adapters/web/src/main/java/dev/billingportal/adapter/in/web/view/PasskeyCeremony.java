package dev.billingportal.adapter.in.web.view;

import dev.billingportal.application.port.in.access.PasskeyOptions;
import java.util.Base64;
import java.util.List;

/**
 * A WebAuthn ceremony as a page hands it to the browser's script: the form it posts the answer to and, base64url,
 * the challenge and ids of {@link PasskeyOptions}. {@code create}: a new passkey ({@code navigator.credentials.create});
 * otherwise a signature with one the operator has ({@code get}). The options travel in the page itself, so the
 * ceremony needs no request of its own and the challenge is the one the server keeps on the session.
 */
public record PasskeyCeremony(String action, boolean create, String challenge, String relyingPartyId,
                              String userId, String userName, String displayName, String credentialIds) {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    public static PasskeyCeremony of(String action, boolean create, PasskeyOptions options) {
        List<String> ids = options.credentialIds();
        return new PasskeyCeremony(action, create, BASE64URL.encodeToString(options.challenge()),
                options.relyingPartyId(), BASE64URL.encodeToString(options.userHandle()), options.userName(),
                options.displayName(), String.join(" ", ids));
    }
}
