package dev.billingportal.application.port.out;

import dev.billingportal.domain.webhook.WebhookUrl;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends one attempt of a webhook message (spec §13): a {@code POST} of the body with the signed headers, to an
 * address checked against the address rules as it is resolved — the connection goes to the checked address —, no
 * redirect followed, within the time limits. It never throws for what the receiver or the network did: every outcome
 * is an {@link Attempt} to record.
 */
public interface WebhookSender {

    /**
     * What one attempt came to: the HTTP status, if an answer came; how long it took; what went wrong otherwise
     * ({@code refused address: loopback}, {@code timeout}, {@code connection refused}…); the first KiB of the answer's
     * body; and its {@code Retry-After}, if it gave one.
     */
    record Attempt(Optional<Integer> status, Duration took, Optional<String> error, String answer,
                   Optional<Duration> retryAfter) {
        public Attempt {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(took, "took");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        /** A 2xx answer: delivered. */
        public boolean delivered() {
            return status.filter(code -> code >= 200 && code < 300).isPresent();
        }

        /** {@code 410 Gone}: the receiver wants no more; the endpoint is disabled at once. */
        public boolean gone() {
            return status.filter(code -> code == 410).isPresent();
        }
    }

    Attempt post(WebhookUrl url, Map<String, String> headers, String body);

    /**
     * Resolves the URL's host as an attempt would and checks every address: why it would be refused
     * ({@code a loopback address}, {@code unknown host}…), or empty when it would be tried. For registration; an
     * attempt checks again, on the addresses it connects to.
     */
    Optional<String> refusal(WebhookUrl url);
}
