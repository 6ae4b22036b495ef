package dev.billingportal.application.port.out;

import dev.billingportal.domain.access.ApiKeyId;
import dev.billingportal.domain.operator.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Named API keys and their secrets, stored only as hashes. A key has one current secret and, after a rotation, the
 * old ones until their grace ends.
 */
public interface ApiKeys {

    void add(ApiKey key, String secretHash, Instant now);

    Optional<ApiKey> find(ApiKeyId id);

    /** Every key, newest first, revoked and expired ones included. */
    List<ApiKey> all();

    /** The key whose secret has this hash, if that secret is still valid at {@code now} (revocation aside). */
    Optional<ApiKey> findBySecret(String secretHash, Instant now);

    /** Stores the key's changes (a revocation, a rotation's new prefix). */
    void update(ApiKey key);

    /** Adds a new secret after ending the key's other secrets at {@code oldSecretsUntil} (a rotation's grace). */
    void rotate(ApiKeyId key, String newSecretHash, Instant now, Instant oldSecretsUntil);

    /** Records a use of the key. */
    void touch(ApiKeyId key, Instant usedAt);
}
