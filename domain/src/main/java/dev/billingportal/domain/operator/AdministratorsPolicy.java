package dev.billingportal.domain.operator;

import dev.billingportal.domain.failure.StateConflict;

/**
 * Spec §11: the last active administrator can neither be disabled nor lose the role — otherwise nobody could invite
 * operators or manage keys again. The caller counts the active administrators under a lock, so that two
 * administrators demoting each other at once cannot both pass.
 */
public final class AdministratorsPolicy {
    public static final String MESSAGE = "At least one active administrator must remain.";

    private AdministratorsPolicy() {
    }

    /**
     * Refuses a change that would take {@code target} out of the active administrators when they are the last one.
     *
     * @param remainsActiveAdmin whether {@code target} is still an active administrator after the change
     */
    public static void requireOneRemains(Operator target, boolean remainsActiveAdmin, long activeAdmins) {
        if (target.isActiveAdmin() && !remainsActiveAdmin && activeAdmins <= 1) {
            throw new StateConflict("last-administrator", MESSAGE);
        }
    }
}
