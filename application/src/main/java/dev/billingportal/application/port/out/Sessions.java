package dev.billingportal.application.port.out;

import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.user.PortalUserId;
import java.time.Instant;
import java.util.Optional;

/** Portal users' sessions: opaque tokens, stored only as hashes, each for one channel (API or web). */
public interface Sessions extends SessionReads {

    /** Who a session belongs to. */
    record SessionOwner(PortalUserId userId, AccountId accountId, String username) {
    }

    /** A stored session of an {@code ACTIVE} user, with what decides whether it still works. */
    record StoredSession(SessionOwner owner, SessionChannel channel, Instant lastUsedAt, Instant expiresAt) {
    }

    /** Opens a session; the user's sessions that ended by their absolute lifetime go on the way. */
    void open(String tokenHash, PortalUserId user, SessionChannel channel, Instant now, Instant expiresAt);

    /**
     * The session, if it exists and its user is {@code ACTIVE} right now — so a deleted user's session stops
     * working at once. Whether it has timed out is the caller's to decide.
     */
    @Override
    Optional<StoredSession> find(String tokenHash);

    /** Records a use of the session (its idle timeout starts again). */
    void touch(String tokenHash, Instant usedAt);

    void close(String tokenHash);

    /** Ends every session of the user (deletion, password reset). */
    void closeAll(PortalUserId user);
}
