package dev.billingportal.application.port.in.access;

public interface CompleteSignInUseCase {

    /**
     * The second step with a code: one from the authenticator (each accepted once) or a recovery code (each usable
     * once). Success opens the console session — a new token; the half-way one ends.
     */
    SessionToken withCode(String halfWayToken, String code);

    /** The second step with a passkey: the browser's answer to the challenge {@link PasskeyCeremonyUseCase} gave. */
    SessionToken withPasskey(String halfWayToken, String assertionJson);
}
