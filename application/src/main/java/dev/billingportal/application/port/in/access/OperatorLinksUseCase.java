package dev.billingportal.application.port.in.access;

public interface OperatorLinksUseCase {

    /**
     * Accepts an operator's invitation: the password is set, and the operator goes on to enrol their second factor
     * before anything else (the half-way session returned). Used, expired or unknown links fail alike.
     */
    SignInProgress acceptInvitation(SetPasswordCommand command);

    /**
     * Whether an operator's link would still work — known, unused, unexpired, and the operator still invited (an
     * invitation) or able to sign in (a reset) — without using it: the page it opens can say at once that it expired.
     */
    boolean isUsable(LinkToken link);

    /** Mails a reset link if the address is an operator who can sign in; the same answer whatever it is. */
    void requestPasswordReset(String email);

    /** Sets a new password from a reset link and ends the operator's sessions; it never skips the second factor. */
    void resetPassword(SetPasswordCommand command);
}
