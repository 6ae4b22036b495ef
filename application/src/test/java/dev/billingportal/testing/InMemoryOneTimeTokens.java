package dev.billingportal.testing;

import dev.billingportal.application.port.out.OneTimeTokens;
import dev.billingportal.domain.access.TokenPurpose;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** @param <O> whose tokens: portal users' or operators' */
public final class InMemoryOneTimeTokens<O> implements OneTimeTokens<O> {
    private record Token<O>(O owner, TokenPurpose purpose, Instant expiresAt, boolean used) {
    }

    private final Map<String, Token<O>> tokens = new LinkedHashMap<>();

    @Override
    public synchronized void replace(O owner, TokenPurpose purpose, String tokenHash, Instant expiresAt,
                                     Instant now) {
        revoke(owner, purpose);
        tokens.put(tokenHash, new Token<>(owner, purpose, expiresAt, false));
    }

    @Override
    public synchronized Optional<O> peek(String tokenHash, TokenPurpose purpose, Instant now) {
        Token<O> token = tokens.get(tokenHash);
        if (token == null || token.used() || token.purpose() != purpose || !now.isBefore(token.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(token.owner());
    }

    @Override
    public synchronized Optional<O> consume(String tokenHash, TokenPurpose purpose, Instant now) {
        Optional<O> owner = peek(tokenHash, purpose, now);
        owner.ifPresent(found -> {
            Token<O> token = tokens.get(tokenHash);
            tokens.put(tokenHash, new Token<>(found, purpose, token.expiresAt(), true));
        });
        return owner;
    }

    @Override
    public synchronized void revoke(O owner, TokenPurpose purpose) {
        tokens.values().removeIf(token -> token.owner().equals(owner) && token.purpose() == purpose);
    }

    public synchronized Map<String, TokenPurpose> hashes() {
        Map<String, TokenPurpose> hashes = new LinkedHashMap<>();
        tokens.forEach((hash, token) -> hashes.put(hash, token.purpose()));
        return hashes;
    }
}
