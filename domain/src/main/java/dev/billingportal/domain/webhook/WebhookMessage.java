package dev.billingportal.domain.webhook;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * One event for one endpoint (spec §13): its {@code webhook-id} ({@code msg_…}, the same on every attempt, so a
 * receiver deduplicates on it), its body, fixed when the event happened, and where its delivery stands — retrying on
 * the schedule of {@link WebhookRetrySchedule}, delivered, or failed once the schedule is spent (and retryable by hand:
 * "Resend").
 */
public final class WebhookMessage {
    /** Where a message's delivery stands. */
    public enum Status { PENDING, DELIVERED, FAILED }

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final String id;
    private final WebhookEndpointId endpoint;
    private final WebhookEventType type;
    private final String body;
    private final Instant createdAt;
    private Status status;
    private int attempts;
    private Optional<Instant> nextAttemptAt;
    private Optional<Instant> deliveredAt;

    private WebhookMessage(String id, WebhookEndpointId endpoint, WebhookEventType type, String body,
                           Instant createdAt, Status status, int attempts, Optional<Instant> nextAttemptAt,
                           Optional<Instant> deliveredAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.type = Objects.requireNonNull(type, "type");
        this.body = Objects.requireNonNull(body, "body");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = Objects.requireNonNull(status, "status");
        this.attempts = attempts;
        this.nextAttemptAt = Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        this.deliveredAt = Objects.requireNonNull(deliveredAt, "deliveredAt");
    }

    /** A new message, due at once. */
    public static WebhookMessage pending(WebhookEndpointId endpoint, WebhookEventType type, String body,
                                        Instant now, SecureRandom random) {
        return new WebhookMessage(newId(random), endpoint, type, body, now, Status.PENDING, 0, Optional.of(now),
                Optional.empty());
    }

    public static WebhookMessage reconstitute(String id, WebhookEndpointId endpoint, WebhookEventType type,
                                              String body, Instant createdAt, Status status, int attempts,
                                              Optional<Instant> nextAttemptAt, Optional<Instant> deliveredAt) {
        return new WebhookMessage(id, endpoint, type, body, createdAt, status, attempts, nextAttemptAt, deliveredAt);
    }

    /** {@code msg_} and 24 random letters and digits (143 bits), as Standard Webhooks' own ids look. */
    static String newId(SecureRandom random) {
        StringBuilder id = new StringBuilder("msg_");
        for (int i = 0; i < 24; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** The receiver answered 2xx. */
    public void delivered(Instant now) {
        requirePending();
        attempts++;
        status = Status.DELIVERED;
        nextAttemptAt = Optional.empty();
        deliveredAt = Optional.of(now);
    }

    /**
     * The attempt failed (an answer other than 2xx, a timeout, a refused connection or address): the message waits
     * its step, or fails when the schedule is spent — or at once when its endpoint was disabled.
     */
    public void attemptFailed(Instant now, Optional<Duration> retryAfter, boolean endpointDisabled,
                              DoubleSupplier random) {
        requirePending();
        attempts++;
        Optional<Duration> wait = endpointDisabled ? Optional.empty()
                : WebhookRetrySchedule.nextWait(attempts, retryAfter, random);
        if (wait.isEmpty()) {
            status = Status.FAILED;
            nextAttemptAt = Optional.empty();
        } else {
            nextAttemptAt = Optional.of(now.plus(wait.get()));
        }
    }

    /** Not tried now (its endpoint has as many attempts in flight as it may): due again at {@code until}. */
    public void deferred(Instant until) {
        requirePending();
        nextAttemptAt = Optional.of(until);
    }

    /**
     * Its endpoint was disabled (410 Gone, five days of failures, or by its owner) before it was tried again: it
     * fails without another attempt, and can be resent once the endpoint is on again.
     */
    public void endpointDisabled() {
        requirePending();
        status = Status.FAILED;
        nextAttemptAt = Optional.empty();
    }

    /** "Resend": the message is due again at once, with a fresh schedule; the same id, so a receiver deduplicates. */
    public void resend(Instant now) {
        status = Status.PENDING;
        attempts = 0;
        nextAttemptAt = Optional.of(now);
        deliveredAt = Optional.empty();
    }

    private void requirePending() {
        if (status != Status.PENDING) {
            throw new IllegalStateException("message " + id + " is " + status + ", not pending");
        }
    }

    public String id() {
        return id;
    }

    public WebhookEndpointId endpoint() {
        return endpoint;
    }

    public WebhookEventType type() {
        return type;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<Instant> nextAttemptAt() {
        return nextAttemptAt;
    }

    public Optional<Instant> deliveredAt() {
        return deliveredAt;
    }
}
