package dev.billingportal.application.port.out;

import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.user.PortalUserId;
import java.time.Instant;
import java.util.Optional;

/** Invitation and password-reset tokens, stored only as hashes. */
public interface OneTimeTokens {

    /** Stores a new token for the user and purpose, replacing any earlier one. */
    void replace(PortalUserId user, TokenPurpose purpose, String tokenHash, Instant expiresAt, Instant now);

    /** The token's user, if the token exists for this purpose, is unused and unexpired; nothing is changed. */
    Optional<PortalUserId> peek(String tokenHash, TokenPurpose purpose, Instant now);

    /**
     * Uses the token: if it exists for this purpose, is unused and unexpired, marks it used and returns
     * its user. A token can be used once, even by concurrent requests.
     */
    Optional<PortalUserId> consume(String tokenHash, TokenPurpose purpose, Instant now);

    /** Invalidates the user's tokens of this purpose. */
    void revoke(PortalUserId user, TokenPurpose purpose);
}
