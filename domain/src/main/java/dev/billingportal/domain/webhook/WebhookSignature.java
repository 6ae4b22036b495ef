package dev.billingportal.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 signing (spec §13): {@code v1,} and the base64 of HMAC-SHA256 over
 * {@code {webhook-id}.{webhook-timestamp}.{body}} with the secret's key. During a rotation the message carries one
 * signature per live secret, space-separated, so a receiver that knows either accepts it.
 */
public final class WebhookSignature {
    private static final String VERSION = "v1,";

    private WebhookSignature() {
    }

    /** The {@code webhook-signature} header's value for this attempt, one signature per secret. */
    public static String header(List<WebhookSecret> secrets, String messageId, long timestampSeconds, String body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a message is signed with at least one secret");
        }
        return secrets.stream().map(secret -> sign(secret, messageId, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    /** One signature: {@code v1,} + base64(HMAC-SHA256(key, id.timestamp.body)). */
    public static String sign(WebhookSecret secret, String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            byte[] digest = mac.doFinal((messageId + "." + timestampSeconds + "." + body)
                    .getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", missing);
        }
    }
}
