package archfixtures.misplacedtechnology.application.service;

/** Breaks "webauthn4j only in the passkeys adapter". */
public class UsesWebAuthn {
    public void verify(com.webauthn4j.WebAuthnManager manager) {
    }
}
