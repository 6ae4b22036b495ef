package dev.billingportal.application.port.in.access;

public interface ResetPasswordUseCase {

    /** Sets a new password with a reset token and ends the user's sessions; a bad token is {@code InvalidToken}. */
    void reset(SetPasswordCommand command);
}
