package dev.billingportal.application.port.in.access;

public interface EnrolAuthenticatorUseCase {

    /**
     * A new authenticator secret for the operator: on a half-way session of the enrolment stage (a new operator, or
     * one whose second factor was reset), or on a console session with a fresh second factor (re-enrolment).
     */
    TotpEnrolment begin(String sessionToken);

    /**
     * Confirms the secret with one of its codes: it becomes the operator's authenticator, ten new recovery codes are
     * made, and an enrolment that finished a sign-in opens the console session.
     */
    EnrolmentDone confirm(String sessionToken, String code);
}
