package dev.billingportal.application.port.out;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.Username;
import java.util.List;
import java.util.Optional;

/** Stored portal users, deleted ones (tombstones) included. */
public interface PortalUsers {

    /**
     * Stores a new user. A username that exists in any letter case, in any account, deleted or not, is
     * refused with {@code UsernameTaken} — enforced by a unique constraint, so concurrent adds cannot
     * both succeed. Returns the user as stored, with its first version.
     */
    PortalUser add(PortalUser user);

    /**
     * Saves changes to a user; if it changed since {@code user} was read, that is a
     * {@code VersionMismatch}. Returns the user as stored, with its new version.
     */
    PortalUser update(PortalUser user);

    Optional<PortalUser> find(PortalUserId id);

    Optional<PortalUser> findByUsername(Username username);

    /** The account's users, oldest first; with or without the deleted ones. */
    List<PortalUser> listByAccount(AccountId accountId, boolean includeDeleted);
}
