package dev.billingportal.application.port.in.access;

import dev.billingportal.domain.operator.PasskeyCredential;

public interface PasskeysUseCase {

    /**
     * Registers the passkey the browser made in answer to {@link PasskeyCeremonyUseCase#forRegistration}, under the
     * name the operator gave it (a console session).
     */
    PasskeyCredential register(String sessionToken, String registrationJson, String name);

    /** Removes one of the operator's own passkeys (a console session). */
    void remove(String sessionToken, String credentialId);
}
