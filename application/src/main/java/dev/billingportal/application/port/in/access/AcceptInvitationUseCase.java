package dev.billingportal.application.port.in.access;

public interface AcceptInvitationUseCase {

    /**
     * Sets the invited user's password and makes them {@code ACTIVE}; a used, expired or unknown token is
     * {@code InvalidToken}.
     */
    void accept(SetPasswordCommand command);
}
