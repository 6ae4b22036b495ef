package dev.billingportal.application.service.user;

import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;

/**
 * Finds a user within an account. A user of another account is "not found", exactly like one that does
 * not exist, even when the caller names it under their own account's path.
 */
final class UserLookup {
    private UserLookup() {
    }

    static PortalUser current(PortalUsers users, AccountId account, PortalUserId id) {
        return users.find(id)
                .filter(user -> user.accountId().equals(account))
                .filter(user -> !user.isDeleted())
                .orElseThrow(UserLookup::notFound);
    }

    static PortalUser includingDeleted(PortalUsers users, AccountId account, PortalUserId id) {
        return users.find(id)
                .filter(user -> user.accountId().equals(account))
                .orElseThrow(UserLookup::notFound);
    }

    static NotFound notFound() {
        return new NotFound("The portal user");
    }
}
