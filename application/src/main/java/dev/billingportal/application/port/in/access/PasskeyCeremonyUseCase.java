package dev.billingportal.application.port.in.access;

public interface PasskeyCeremonyUseCase {

    /** A challenge for the second step of a sign-in with a passkey (a half-way session). */
    PasskeyOptions forSignIn(String halfWayToken);

    /** A challenge for a step-up with a passkey (a console session). */
    PasskeyOptions forStepUp(String sessionToken);

    /** A challenge for registering a new passkey (a console session). */
    PasskeyOptions forRegistration(String sessionToken);
}
