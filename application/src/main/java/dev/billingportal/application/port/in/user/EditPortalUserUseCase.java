package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.ProfileEdit;
import java.util.Optional;

public interface EditPortalUserUseCase {

    /**
     * @param expectedVersion the version the client last saw ({@code If-Match}), if it sent one
     * @param username        the username the client sent, if any: it must be the user's own (immutable)
     */
    record EditPortalUserCommand(Actor actor, AccountId account, PortalUserId user, Optional<Long> expectedVersion,
                                 Optional<String> username, ProfileEdit edit) {
    }

    /** Replaces the user's editable fields (spec §3 rule 3); a user may edit themself. */
    PortalUser edit(EditPortalUserCommand command);
}
