package dev.billingportal.domain.operator;

import dev.billingportal.domain.access.ActorRef;
import dev.billingportal.domain.access.ApiKeyId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.SessionTimeouts;
import dev.billingportal.domain.common.Text;
import dev.billingportal.domain.failure.InvalidValue;
import dev.billingportal.domain.failure.StateConflict;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A named API key (spec §11): one integration's credential on the operator API, with a role. The key itself —
 * {@code bpk_} and 32 random bytes in base64url — is shown once, when it is made; only its SHA-256 is kept, with a
 * short prefix that lets a person recognise it in a list. Rotation makes a new key under the same name and role and
 * keeps the old one working for a grace period; revocation and expiry end it at once.
 */
public final class ApiKey {
    public static final String KEY_PREFIX = "bpk_";
    /** Characters of a key shown in lists: {@code bpk_} and the first eight random ones. */
    public static final int SHOWN_CHARACTERS = 12;
    public static final Duration DEFAULT_GRACE = Duration.ofHours(24);
    public static final Duration MAX_GRACE = Duration.ofHours(168);

    private final ApiKeyId id;
    private final String name;
    private final OperatorRole role;
    private String prefix;
    private final Instant createdAt;
    private final ActorRef createdBy;
    private final Instant expiresAt;
    private Instant revokedAt;
    private Instant lastUsedAt;

    private ApiKey(ApiKeyId id, String name, OperatorRole role, String prefix, Instant createdAt, ActorRef createdBy,
                   Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.role = Objects.requireNonNull(role, "role");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.expiresAt = expiresAt;
        this.revokedAt = revokedAt;
        this.lastUsedAt = lastUsedAt;
    }

    /** A new key record for {@code secret} (from {@link #newSecret()}), which the caller shows once and forgets. */
    public static ApiKey create(ApiKeyId id, String name, OperatorRole role, String secret, ActorRef createdBy,
                                Optional<Instant> expiresAt, Instant now) {
        return new ApiKey(id, name(name), role, shownPart(secret), now, createdBy, expiresAt.orElse(null), null, null);
    }

    public static ApiKey reconstitute(ApiKeyId id, String name, OperatorRole role, String prefix, Instant createdAt,
                                      ActorRef createdBy, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
        return new ApiKey(id, name, role, prefix, createdAt, createdBy, expiresAt, revokedAt, lastUsedAt);
    }

    /** A key's name: 1–100 characters on one line. */
    public static String name(String raw) {
        return Text.singleLine(raw, 1, 100);
    }

    /** A fresh key: {@code bpk_} and 256 random bits, URL-safe. */
    public static String newSecret() {
        return KEY_PREFIX + SecretTokens.generate();
    }

    /** Whether a presented bearer token has the shape of an API key (so only those are looked up as keys). */
    public static boolean looksLikeKey(String token) {
        return token.startsWith(KEY_PREFIX);
    }

    /** The stored form of a key. */
    public static String hash(String secret) {
        return SecretTokens.hash(secret);
    }

    private static String shownPart(String secret) {
        if (!looksLikeKey(secret) || secret.length() <= SHOWN_CHARACTERS) {
            throw new IllegalArgumentException("not an API key");
        }
        return secret.substring(0, SHOWN_CHARACTERS);
    }

    /** How long a rotated-out key keeps working: 24 hours unless asked, at most 168. */
    public static Duration grace(Optional<Integer> hours) {
        if (hours.isEmpty()) {
            return DEFAULT_GRACE;
        }
        int value = hours.get();
        if (value < 0 || value > MAX_GRACE.toHours()) {
            throw new InvalidValue("must be 0 to " + MAX_GRACE.toHours() + " hours");
        }
        return Duration.ofHours(value);
    }

    /** Whether the key authenticates now: not revoked, not expired. */
    public boolean isUsable(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** A new secret replaces the shown prefix; the caller keeps the old secret's hash working until the grace ends. */
    public void rotated(String newSecret) {
        requireNotRevoked();
        prefix = shownPart(newSecret);
    }

    public void revoke(Instant now) {
        requireNotRevoked();
        revokedAt = now;
    }

    private void requireNotRevoked() {
        if (revokedAt != null) {
            throw new StateConflict("api-key-revoked", "The API key is revoked.");
        }
    }

    /** Whether a use now should be written down: the last recorded one is older than a minute (as for sessions). */
    public boolean shouldRecordUse(Instant now) {
        return lastUsedAt == null || !now.isBefore(lastUsedAt.plus(SessionTimeouts.TOUCH_INTERVAL));
    }

    public ApiKeyId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public OperatorRole role() {
        return role;
    }

    /** The first characters of the current key, {@code bpk_AbCdEfGh}: enough to recognise it, useless to use it. */
    public String prefix() {
        return prefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public ActorRef createdBy() {
        return createdBy;
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }
}
