package dev.billingportal.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a message's delivery log (spec §13): when the attempt was made, how long it took, the receiver's HTTP
 * status or what went wrong before one came ({@code timeout}, {@code refused address: loopback}…), and the first KiB
 * of the answer.
 */
public record WebhookAttempt(Instant at, Duration took, Optional<Integer> status, Optional<String> error,
                             String answer) {
    public WebhookAttempt {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(took, "took");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(answer, "answer");
    }
}
