package dev.billingportal.domain.webhook;

import dev.billingportal.domain.failure.InvalidValue;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * An endpoint's signing secret (spec §13): {@code whsec_} and the base64 of its key, 32 random bytes when the portal
 * makes one. Shown to the endpoint's owner at creation and rotation only; kept sealed at rest; never logged, so its
 * {@link #toString} names no byte of it.
 */
public final class WebhookSecret {
    static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key.clone();
    }

    public static WebhookSecret generate(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** A secret as written ({@code whsec_…}); Standard Webhooks secrets of other lengths are read too. */
    public static WebhookSecret parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new InvalidValue("must start with " + PREFIX);
        }
        try {
            byte[] key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
            if (key.length < 16) {
                throw new InvalidValue("is too short");
            }
            return new WebhookSecret(key);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidValue("is not base64 after " + PREFIX);
        }
    }

    /** The text the owner copies: {@code whsec_} + base64. */
    public String text() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret secret && Arrays.equals(key, secret.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[whsec_…]";
    }
}
