package dev.billingportal.testing;

import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.application.port.out.WebhookMessages;
import dev.billingportal.domain.webhook.WebhookAttempt;
import dev.billingportal.domain.webhook.WebhookEndpointId;
import dev.billingportal.domain.webhook.WebhookMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Webhook messages in memory; they queue into the in-memory outbox, as the tables share one. */
public final class InMemoryWebhookMessages implements WebhookMessages {
    private final InMemoryDeliveries outbox;
    private final InMemoryWebhookEndpoints endpoints;
    private final Map<String, Stored> messages = new LinkedHashMap<>();
    private final Map<String, List<WebhookAttempt>> attempts = new LinkedHashMap<>();

    private record Stored(WebhookMessage message, UUID lease, Instant leaseUntil) {
    }

    public InMemoryWebhookMessages(InMemoryDeliveries outbox, InMemoryWebhookEndpoints endpoints) {
        this.outbox = outbox;
        this.endpoints = endpoints;
    }

    @Override
    public synchronized void record(List<WebhookMessage> recorded, Instant now, Duration lease) {
        for (WebhookMessage message : recorded) {
            if (messages.containsKey(message.id())) {
                throw new IllegalStateException("message " + message.id() + " exists");
            }
            queue(message, now, lease);
        }
    }

    @Override
    public synchronized Optional<WebhookMessage> find(String id) {
        return Optional.ofNullable(messages.get(id)).map(stored -> copy(stored.message()));
    }

    @Override
    public synchronized Optional<Held> lock(String id) {
        return Optional.ofNullable(messages.get(id))
                .map(stored -> new Held(copy(stored.message()), Optional.ofNullable(stored.lease())));
    }

    @Override
    public synchronized void update(WebhookMessage message) {
        existing(message.id());
        messages.put(message.id(), new Stored(copy(message), null, null));
    }

    @Override
    public synchronized void queue(WebhookMessage message, Instant now, Duration lease) {
        UUID entry = UUID.randomUUID();
        messages.put(message.id(), new Stored(copy(message), entry, now.plus(lease)));
        outbox.enqueue(new Outbox.Webhook(message.id(), entry), now);
    }

    @Override
    public synchronized void hold(String id, UUID lease, Instant until) {
        messages.put(id, new Stored(existing(id).message(), lease, until));
    }

    @Override
    public synchronized int queueDue(Instant now, Duration lease, int limit) {
        List<Stored> due = messages.values().stream()
                .filter(stored -> stored.message().status() == WebhookMessage.Status.PENDING
                        && !stored.message().nextAttemptAt().orElseThrow().isAfter(now)
                        && (stored.leaseUntil() == null || !stored.leaseUntil().isAfter(now))
                        && outbox.unpublishedEntries().stream().noneMatch(entry -> entry.work()
                        instanceof Outbox.Webhook webhook && webhook.message().equals(stored.message().id())))
                .sorted(Comparator.comparing(stored -> stored.message().nextAttemptAt().orElseThrow()))
                .limit(limit).toList();
        due.forEach(stored -> queue(stored.message(), now, lease));
        return due.size();
    }

    @Override
    public synchronized void recordAttempt(String message, WebhookAttempt attempt) {
        existing(message);
        attempts.computeIfAbsent(message, id -> new ArrayList<>()).add(attempt);
    }

    @Override
    public synchronized List<WebhookAttempt> attempts(String message) {
        return List.copyOf(attempts.getOrDefault(message, List.of()));
    }

    @Override
    public synchronized List<WebhookMessage> newestFirst(WebhookEndpointId endpoint, Optional<Position> after,
                                                         int limit) {
        Comparator<WebhookMessage> newestFirst = Comparator.comparing(WebhookMessage::createdAt)
                .thenComparing(WebhookMessage::id).reversed();
        return messages.values().stream().map(Stored::message)
                .filter(message -> message.endpoint().equals(endpoint))
                .filter(message -> after.map(position -> message.createdAt().isBefore(position.createdAt())
                        || message.createdAt().equals(position.createdAt())
                        && message.id().compareTo(position.id()) < 0).orElse(true))
                .sorted(newestFirst).limit(limit).map(InMemoryWebhookMessages::copy).toList();
    }

    @Override
    public synchronized int deleteSettledBefore(Instant before, int limit) {
        List<String> old = messages.values().stream().map(Stored::message)
                .filter(message -> message.status() != WebhookMessage.Status.PENDING
                        && message.createdAt().isBefore(before))
                .limit(limit).map(WebhookMessage::id).toList();
        old.forEach(id -> {
            messages.remove(id);
            attempts.remove(id);
        });
        return old.size();
    }

    @Override
    public synchronized List<Failed> failedNewestFirst(Optional<Position> after, int limit) {
        Comparator<WebhookMessage> newestFirst = Comparator.comparing(WebhookMessage::createdAt)
                .thenComparing(WebhookMessage::id).reversed();
        return messages.values().stream().map(Stored::message)
                .filter(message -> message.status() == WebhookMessage.Status.FAILED)
                .filter(message -> after.map(position -> message.createdAt().isBefore(position.createdAt())
                        || message.createdAt().equals(position.createdAt())
                        && message.id().compareTo(position.id()) < 0).orElse(true))
                .sorted(newestFirst).limit(limit)
                .flatMap(message -> endpoints.find(message.endpoint()).stream()
                        .map(endpoint -> new Failed(copy(message), endpoint.account(), endpoint.url().shown())))
                .toList();
    }

    @Override
    public synchronized long countFailed() {
        return messages.values().stream().filter(stored -> stored.message().status() == WebhookMessage.Status.FAILED)
                .count();
    }

    @Override
    public synchronized Map<String, WebhookAttempt> lastAttempts(java.util.Collection<String> ids) {
        Map<String, WebhookAttempt> last = new LinkedHashMap<>();
        ids.forEach(id -> {
            List<WebhookAttempt> made = attempts.getOrDefault(id, List.of());
            if (!made.isEmpty()) {
                last.put(id, made.getLast());
            }
        });
        return last;
    }

    @Override
    public synchronized Map<WebhookMessage.Status, Long> countByStatus() {
        Map<WebhookMessage.Status, Long> counts = new EnumMap<>(WebhookMessage.Status.class);
        for (WebhookMessage.Status status : WebhookMessage.Status.values()) {
            counts.put(status, messages.values().stream().filter(s -> s.message().status() == status).count());
        }
        return counts;
    }

    /** The lease a message is held under now, for tests. */
    public synchronized Optional<UUID> leaseOf(String id) {
        return Optional.ofNullable(existing(id).lease());
    }

    private Stored existing(String id) {
        Stored stored = messages.get(id);
        if (stored == null) {
            throw new IllegalStateException("no webhook message " + id);
        }
        return stored;
    }

    private static WebhookMessage copy(WebhookMessage message) {
        return WebhookMessage.reconstitute(message.id(), message.endpoint(), message.type(), message.body(),
                message.createdAt(), message.status(), message.attempts(), message.nextAttemptAt(),
                message.deliveredAt());
    }
}
