package dev.billingportal.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.failure.InvalidValue;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Standard Webhooks signing, proved against the specification's published test vector. */
class WebhookSignatureTest {
    private static final WebhookSecret VECTOR = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    @Test
    void theSpecificationsTestVectorSignsAsPublished() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.sign(VECTOR,
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    }

    @Test
    void anyChangeToTheIdTheTimeOrTheBodyChangesTheSignature() {
        String signed = WebhookSignature.sign(VECTOR, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}");
        assertNotEquals(signed, WebhookSignature.sign(VECTOR, "msg_p5jXN8AQM9LWM0D4loKWxJel", 1614265330,
                "{\"test\": 2432232314}"));
        assertNotEquals(signed, WebhookSignature.sign(VECTOR, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331,
                "{\"test\": 2432232314}"));
        assertNotEquals(signed, WebhookSignature.sign(VECTOR, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232315}"));
    }

    @Test
    void duringARotationBothSecretsSignSpaceSeparated() {
        WebhookSecret next = WebhookSecret.generate(new SecureRandom());
        String header = WebhookSignature.header(List.of(VECTOR, next), "msg_1", 1614265330, "{}");
        String[] signatures = header.split(" ");
        assertEquals(2, signatures.length);
        assertEquals(WebhookSignature.sign(VECTOR, "msg_1", 1614265330, "{}"), signatures[0]);
        assertEquals(WebhookSignature.sign(next, "msg_1", 1614265330, "{}"), signatures[1]);
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.header(List.of(), "msg_1", 1, "{}"));
    }

    @Test
    void aNewSecretIs32RandomBytesWrittenWhsecBase64AndNeverPrintsItself() {
        WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
        assertTrue(secret.text().matches("whsec_[A-Za-z0-9+/]{43}="), secret.text());
        assertEquals(secret, WebhookSecret.parse(secret.text()));
        assertNotEquals(secret, WebhookSecret.generate(new SecureRandom()));
        assertFalse(secret.toString().contains(secret.text().substring(6, 12)));
        assertThrows(InvalidValue.class, () -> WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertThrows(InvalidValue.class, () -> WebhookSecret.parse("whsec_not base64!"));
        assertThrows(InvalidValue.class, () -> WebhookSecret.parse("whsec_c2hvcnQ="));
    }
}
