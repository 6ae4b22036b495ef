package dev.billingportal.application.port.in.access;

public interface StepUpUseCase {

    /**
     * Proves the second factor again on a console session, with a code (authenticator or recovery): the sensitive
     * actions of spec §11 then go through for five minutes. Wrong codes count toward the sign-in throttle.
     */
    void stepUpWithCode(String sessionToken, String code);

    /** The same with a passkey. */
    void stepUpWithPasskey(String sessionToken, String assertionJson);
}
