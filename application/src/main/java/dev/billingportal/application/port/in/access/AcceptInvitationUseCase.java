package dev.billingportal.application.port.in.access;

import dev.billingportal.domain.access.Password;

public interface AcceptInvitationUseCase {

    /** Sets the invited user's password and makes them {@code ACTIVE}; a used, expired or unknown token is {@code InvalidToken}. */
    void accept(String token, Password password);
}
