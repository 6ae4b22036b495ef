package dev.billingportal.testing;

import dev.billingportal.application.port.out.OneTimeTokens;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.user.PortalUserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

public final class InMemoryOneTimeTokens implements OneTimeTokens {
    private record Token(PortalUserId user, TokenPurpose purpose, Instant expiresAt, boolean used) {
    }

    private final Map<String, Token> tokens = new LinkedHashMap<>();

    @Override
    public synchronized void replace(PortalUserId user, TokenPurpose purpose, String tokenHash, Instant expiresAt,
                                     Instant now) {
        revoke(user, purpose);
        tokens.put(tokenHash, new Token(user, purpose, expiresAt, false));
    }

    @Override
    public synchronized Optional<PortalUserId> peek(String tokenHash, TokenPurpose purpose, Instant now) {
        Token token = tokens.get(tokenHash);
        if (token == null || token.used() || token.purpose() != purpose || !now.isBefore(token.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(token.user());
    }

    @Override
    public synchronized Optional<PortalUserId> consume(String tokenHash, TokenPurpose purpose, Instant now) {
        Optional<PortalUserId> user = peek(tokenHash, purpose, now);
        user.ifPresent(owner -> {
            Token token = tokens.get(tokenHash);
            tokens.put(tokenHash, new Token(owner, purpose, token.expiresAt(), true));
        });
        return user;
    }

    @Override
    public synchronized void revoke(PortalUserId user, TokenPurpose purpose) {
        tokens.values().removeIf(token -> token.user().equals(user) && token.purpose() == purpose);
    }

    public synchronized Map<String, TokenPurpose> hashes() {
        Map<String, TokenPurpose> hashes = new LinkedHashMap<>();
        tokens.forEach((hash, token) -> hashes.put(hash, token.purpose()));
        return hashes;
    }
}
