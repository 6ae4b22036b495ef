package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.user.PortalUser;

public interface RestorePortalUserUseCase {

    /**
     * Support restores a deleted user (spec §3 rule 6): {@code ACTIVE} if they had a password, else
     * {@code INVITED} with a fresh invitation.
     */
    PortalUser restore(PortalUserCommand command);
}
