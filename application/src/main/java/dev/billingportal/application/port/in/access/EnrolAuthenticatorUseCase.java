package dev.billingportal.application.port.in.access;

public interface EnrolAuthenticatorUseCase {

    /**
     * An authenticator secret for the operator to enrol: on a half-way session of the enrolment stage (a new operator,
     * or one whose second factor was reset), or on a console session with a fresh second factor (re-enrolment). The
     * secret already shown is shown again until a code confirms it; then the next enrolment gets a new one.
     */
    TotpEnrolment begin(String sessionToken);

    /**
     * Confirms the secret with one of its codes: it becomes the operator's authenticator, ten new recovery codes are
     * made, and an enrolment that finished a sign-in opens the console session.
     */
    EnrolmentDone confirm(String sessionToken, String code);
}
