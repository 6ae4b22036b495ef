package dev.billingportal.application.port.out;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.webhook.WebhookAttempt;
import dev.billingportal.domain.webhook.WebhookEndpointId;
import dev.billingportal.domain.webhook.WebhookMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook messages and their attempts (spec §13). A message's row is its schedule: it is due at its
 * {@link WebhookMessage#nextAttemptAt()}, and meanwhile may be held under a lease — by the outbox entry that queued it
 * (the lease is the entry's id), then by the worker sending it. A lease that runs out with nothing settled (a lost
 * queue message, a killed worker) leaves the message due again; nothing else is needed to recover it.
 */
public interface WebhookMessages {

    /** A message as stored, with the lease it is held under, if any. */
    record Held(WebhookMessage message, Optional<UUID> lease) {
    }

    /** A failed message with its endpoint's owner (none: the provider's) and address, for the console's list. */
    record Failed(WebhookMessage message, Optional<AccountId> account, String endpointUrl) {
    }

    /** Where a page of messages ends: newest first by (createdAt, id). */
    record Position(Instant createdAt, String id) {
    }

    /** Records new messages in the caller's unit of work, each queued at once (see {@link #queue}). */
    void record(List<WebhookMessage> messages, Instant now, Duration lease);

    Optional<WebhookMessage> find(String id);

    /** Reads a message and locks it until the unit of work ends, with the lease it is held under. */
    Optional<Held> lock(String id);

    /** Stores the message's state and lets go of its lease. */
    void update(WebhookMessage message);

    /** Stores the message's state and queues it: an outbox entry, whose id holds the message until now + lease. */
    void queue(WebhookMessage message, Instant now, Duration lease);

    /** Holds the message for {@code lease} (a worker sending it) until {@code until}. */
    void hold(String id, UUID lease, Instant until);

    /**
     * Queues up to {@code limit} messages that are due at {@code now} and held by nobody (or by a lease that ran out),
     * each as {@link #queue} does; a message another process is queueing at the same moment is left to it. Returns
     * how many were queued.
     */
    int queueDue(Instant now, Duration lease, int limit);

    void recordAttempt(String message, WebhookAttempt attempt);

    /** The message's attempts, oldest first. */
    List<WebhookAttempt> attempts(String message);

    /** An endpoint's messages, newest first. */
    List<WebhookMessage> newestFirst(WebhookEndpointId endpoint, Optional<Position> after, int limit);

    /**
     * Deletes up to {@code limit} DELIVERED or FAILED messages created before {@code before}, with their attempts and
     * outbox entries; returns how many. A pending message stays, however old.
     */
    int deleteSettledBefore(Instant before, int limit);

    /** FAILED messages of every endpoint, newest first: what the billing team looks at (spec §12). */
    List<Failed> failedNewestFirst(Optional<Position> after, int limit);

    /** How many messages are FAILED (through the status index: cheap for the few that fail). */
    long countFailed();

    /** The latest attempt of each of these messages that has one. */
    Map<String, WebhookAttempt> lastAttempts(Collection<String> messages);

    /** How many messages are in each status. */
    Map<WebhookMessage.Status, Long> countByStatus();
}
