package dev.billingportal.testing;

import dev.billingportal.application.port.out.ApiKeys;
import dev.billingportal.domain.access.ApiKeyId;
import dev.billingportal.domain.operator.ApiKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public final class InMemoryApiKeys implements ApiKeys {
    /** A secret's hash, its key, and until when it works (none: until the next rotation). */
    private record Secret(ApiKeyId key, Optional<Instant> validUntil) {
    }

    private final Map<ApiKeyId, ApiKey> keys = new LinkedHashMap<>();
    private final Map<String, Secret> secrets = new HashMap<>();

    @Override
    public synchronized void add(ApiKey key, String secretHash, Instant now) {
        keys.put(key.id(), copy(key));
        secrets.put(secretHash, new Secret(key.id(), Optional.empty()));
    }

    @Override
    public synchronized Optional<ApiKey> find(ApiKeyId id) {
        return Optional.ofNullable(keys.get(id)).map(InMemoryApiKeys::copy);
    }

    @Override
    public synchronized List<ApiKey> all() {
        return keys.values().stream().sorted(Comparator.comparing(ApiKey::createdAt).reversed())
                .map(InMemoryApiKeys::copy).toList();
    }

    @Override
    public synchronized Optional<ApiKey> findBySecret(String secretHash, Instant now) {
        Secret secret = secrets.get(secretHash);
        if (secret == null || secret.validUntil().map(until -> !now.isBefore(until)).orElse(false)) {
            return Optional.empty();
        }
        return find(secret.key());
    }

    @Override
    public synchronized void update(ApiKey key) {
        // the last use is touch's to write: an update from an older read must not take it back
        Optional<Instant> lastUsed = keys.get(key.id()).lastUsedAt();
        keys.put(key.id(), ApiKey.reconstitute(key.id(), key.name(), key.role(), key.prefix(), key.createdAt(),
                key.createdBy(), key.expiresAt().orElse(null), key.revokedAt().orElse(null), lastUsed.orElse(null)));
    }

    @Override
    public synchronized void rotate(ApiKeyId key, String newSecretHash, Instant now, Instant oldSecretsUntil) {
        secrets.replaceAll((hash, secret) -> secret.key().equals(key)
                && secret.validUntil().map(until -> until.isAfter(oldSecretsUntil)).orElse(true)
                ? new Secret(key, Optional.of(oldSecretsUntil)) : secret);
        secrets.put(newSecretHash, new Secret(key, Optional.empty()));
    }

    @Override
    public synchronized void touch(ApiKeyId key, Instant usedAt) {
        ApiKey k = keys.get(key);
        keys.put(key, ApiKey.reconstitute(k.id(), k.name(), k.role(), k.prefix(), k.createdAt(), k.createdBy(),
                k.expiresAt().orElse(null), k.revokedAt().orElse(null), usedAt));
    }

    /** Every stored secret hash: what a look at the table would find. */
    public synchronized Set<String> secretHashes() {
        return Set.copyOf(secrets.keySet());
    }

    private static ApiKey copy(ApiKey k) {
        return ApiKey.reconstitute(k.id(), k.name(), k.role(), k.prefix(), k.createdAt(), k.createdBy(),
                k.expiresAt().orElse(null), k.revokedAt().orElse(null), k.lastUsedAt().orElse(null));
    }
}
