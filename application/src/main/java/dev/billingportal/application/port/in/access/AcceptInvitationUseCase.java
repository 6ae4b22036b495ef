package dev.billingportal.application.port.in.access;

import dev.billingportal.domain.user.PortalUser;

public interface AcceptInvitationUseCase {

    /**
     * Sets the invited user's password and makes them {@code ACTIVE}, who is returned (the web pages sign them in
     * at once); a used, expired or unknown token is {@code InvalidToken}.
     */
    PortalUser accept(SetPasswordCommand command);
}
