package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.user.PortalUser;

public interface AddPortalUserUseCase {

    /**
     * Adds an {@code INVITED} user to the account and invites them (spec §3 rule 1). A username that exists
     * anywhere, in any letter case, deleted users included, is refused (rule 2).
     */
    PortalUser add(AddPortalUserCommand command);
}
