package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.user.PortalUser;

public interface EditPortalUserUseCase {

    /** Replaces the user's editable fields (spec §3 rule 3); a user may edit themself. */
    PortalUser edit(EditPortalUserCommand command);
}
