package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserProfile;

public interface AddPortalUserUseCase {

    record AddPortalUserCommand(Actor actor, AccountId account, PortalUserProfile profile) {
    }

    /**
     * Adds an {@code INVITED} user to the account and invites them (spec §3 rule 1). A username that exists
     * anywhere, in any letter case, deleted users included, is refused (rule 2).
     */
    PortalUser add(AddPortalUserCommand command);
}
