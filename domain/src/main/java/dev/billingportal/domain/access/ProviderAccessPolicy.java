package dev.billingportal.domain.access;

import dev.billingportal.domain.failure.AccessDenied;

/**
 * The provider's side of access control: a use case of the provider's side asks here whether its caller holds the
 * permission it needs (the table itself is {@link OperatorRole}). A portal user never does; the portal's own actions
 * go through other doors.
 */
public final class ProviderAccessPolicy {
    private ProviderAccessPolicy() {
    }

    public static void require(Actor actor, Permission permission) {
        if (!actor.may(permission)) {
            throw new AccessDenied(actor instanceof Actor.ProviderActor
                    ? "Your role does not allow this."
                    : "This is for the provider's billing team only.");
        }
    }
}
