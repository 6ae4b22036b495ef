package dev.billingportal.application.port.out;

import dev.billingportal.domain.access.TokenPurpose;
import java.time.Instant;
import java.util.Optional;

/**
 * Invitation and password-reset tokens, stored only as hashes — of portal users ({@code OneTimeTokens<PortalUserId>})
 * and of operators ({@code OneTimeTokens<OperatorId>}), under the same rules (spec §4, §11).
 *
 * @param <O> whose tokens: the owner's id type
 */
public interface OneTimeTokens<O> {

    /** Stores a new token for the owner and purpose, replacing any earlier one. */
    void replace(O owner, TokenPurpose purpose, String tokenHash, Instant expiresAt, Instant now);

    /** The token's owner, if the token exists for this purpose, is unused and unexpired; nothing is changed. */
    Optional<O> peek(String tokenHash, TokenPurpose purpose, Instant now);

    /**
     * Uses the token: if it exists for this purpose, is unused and unexpired, marks it used and returns
     * its owner. A token can be used once, even by concurrent requests.
     */
    Optional<O> consume(String tokenHash, TokenPurpose purpose, Instant now);

    /** Invalidates the owner's tokens of this purpose. */
    void revoke(O owner, TokenPurpose purpose);
}
