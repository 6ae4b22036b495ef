package dev.billingportal.application.port.out;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.user.PortalUserId;
import java.time.Instant;
import java.util.Optional;

/** Portal users' sessions: opaque bearer tokens, stored only as hashes. */
public interface Sessions {

    /** Who a live session belongs to. */
    record SessionOwner(PortalUserId userId, AccountId accountId, String username) {
    }

    void open(String tokenHash, PortalUserId user, Instant createdAt, Instant expiresAt);

    /**
     * The owner of the session, if it exists, has not expired and its user is {@code ACTIVE} right now —
     * so a deleted user's session stops working at once.
     */
    Optional<SessionOwner> findActive(String tokenHash, Instant now);

    void close(String tokenHash);

    /** Ends every session of the user (deletion, password reset). */
    void closeAll(PortalUserId user);
}
