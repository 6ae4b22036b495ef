package dev.billingportal.application.service.webhook;

import dev.billingportal.application.port.in.webhook.DeliverWebhookUseCase;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.port.out.WebhookEndpoints;
import dev.billingportal.application.port.out.WebhookMessages;
import dev.billingportal.application.port.out.WebhookSender;
import dev.billingportal.domain.webhook.WebhookAttempt;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookEndpointId;
import dev.billingportal.domain.webhook.WebhookEventType;
import dev.billingportal.domain.webhook.WebhookMessage;
import dev.billingportal.domain.webhook.WebhookSignature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.DoubleSupplier;

/**
 * One attempt of a webhook message, in three steps, none of which holds a database lock or connection while the
 * receiver is being waited for: take the message (a short transaction: its lease must still be the one its queue
 * message was published under, and the worker puts its own in its place), send it, record the attempt and what it
 * means (another short transaction). A worker killed while sending leaves its lease to run out; the message is then
 * due again and sent with the same {@code webhook-id}.
 */
public final class DeliverWebhookService implements DeliverWebhookUseCase {
    /** An endpoint's attempts in flight in one process. */
    public static final int IN_FLIGHT_PER_ENDPOINT = 4;
    /** How long a worker waits for a place at its endpoint before deferring the message. */
    static final Duration PATIENCE = Duration.ofMillis(100);

    private final UnitOfWork unitOfWork;
    private final WebhookMessages messages;
    private final WebhookEndpoints endpoints;
    private final WebhookSender sender;
    private final Clock clock;
    private final DoubleSupplier jitter;
    private final BiConsumer<WebhookEndpoint, Instant> disabled;
    private final InFlightLimit inFlight = new InFlightLimit(IN_FLIGHT_PER_ENDPOINT);

    /** @param disabled told, in the attempt's unit of work, of an endpoint the attempt disabled (its owners are mailed) */
    public DeliverWebhookService(UnitOfWork unitOfWork, WebhookMessages messages, WebhookEndpoints endpoints,
                                 WebhookSender sender, Clock clock, DoubleSupplier jitter,
                                 BiConsumer<WebhookEndpoint, Instant> disabled) {
        this.unitOfWork = unitOfWork;
        this.messages = messages;
        this.endpoints = endpoints;
        this.sender = sender;
        this.clock = clock;
        this.jitter = jitter;
        this.disabled = disabled;
    }

    /** What taking a message came to. */
    private sealed interface Step {
    }

    /** Nothing to send: settled, a stale copy, or its endpoint gone or off. */
    private record Skip() implements Step {
    }

    /**
     * The endpoint has as many attempts in flight as it may: the worker waits a moment for a place, then the message
     * waits a second.
     */
    private record Wait(WebhookEndpointId endpoint) implements Step {
    }

    /** This worker holds the message under {@code lease}, to the endpoint as it was when taken. */
    private record Send(WebhookMessage message, WebhookEndpoint endpoint, UUID lease) implements Step {
    }

    @Override
    public Outcome deliver(String id, UUID lease) {
        AtomicReference<WebhookEndpointId> place = new AtomicReference<>();
        Step step = takeInTransaction(id, lease, place, false);
        // A burst of one endpoint's messages meets its limit; its attempts take milliseconds, a deferral a second:
        // wait for a place a moment (another waiting worker may take a freed one first), then defer.
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (step instanceof Wait busy && System.nanoTime() < deadline) {
            inFlight.awaitPlace(busy.endpoint(), Duration.ofNanos(deadline - System.nanoTime()));
            step = takeInTransaction(id, lease, place, false);
        }
        if (step instanceof Wait) {
            step = takeInTransaction(id, lease, place, true);
        }
        return switch (step) {
            case Skip skip -> Outcome.NOTHING_TO_DO;
            case Wait wait -> Outcome.DEFERRED;
            case Send send -> {
                attempt(send);
                yield Outcome.ATTEMPTED;
            }
        };
    }

    /** Takes the message in a transaction of its own; {@code orDefer}: the last try, which records the deferral. */
    private Step takeInTransaction(String id, UUID lease, AtomicReference<WebhookEndpointId> place,
                                   boolean orDefer) {
        try {
            return unitOfWork.inTransaction(() -> take(id, lease, place, orDefer));
        } catch (RuntimeException failed) {
            Optional.ofNullable(place.getAndSet(null)).ifPresent(inFlight::release); // the hold was not stored
            throw failed;
        }
    }

    private Step take(String id, UUID lease, AtomicReference<WebhookEndpointId> place, boolean orDefer) {
        Optional.ofNullable(place.getAndSet(null)).ifPresent(inFlight::release); // a unit of work run again
        Optional<WebhookMessages.Held> held = messages.lock(id);
        if (held.isEmpty() || held.get().message().status() != WebhookMessage.Status.PENDING
                || !held.get().lease().equals(Optional.of(lease))) {
            return new Skip(); // settled, or a copy of a queue message whose lease has passed on
        }
        WebhookMessage message = held.get().message();
        Optional<WebhookEndpoint> endpoint = endpoints.find(message.endpoint());
        if (endpoint.isEmpty()) {
            return new Skip(); // removed, and its messages with it
        }
        Instant now = clock.instant();
        if (!endpoint.get().enabled() && message.type() != WebhookEventType.WEBHOOK_TEST) {
            message.endpointDisabled();
            messages.update(message);
            return new Skip();
        }
        if (!inFlight.tryTake(endpoint.get().id())) {
            if (orDefer) {
                message.deferred(now.plus(WebhookLeases.DEFERRED));
                messages.update(message);
            }
            return new Wait(endpoint.get().id());
        }
        place.set(endpoint.get().id());
        UUID mine = UUID.randomUUID();
        messages.hold(id, mine, now.plus(WebhookLeases.SENDING));
        return new Send(message, endpoint.get(), mine);
    }

    private void attempt(Send send) {
        WebhookSender.Attempt sent;
        Instant at = clock.instant();
        try {
            String id = send.message().id();
            String body = send.message().body();
            Map<String, String> headers = Map.of(
                    "webhook-id", id,
                    "webhook-timestamp", Long.toString(at.getEpochSecond()),
                    "webhook-signature", WebhookSignature.header(send.endpoint().secretsAt(at), id,
                            at.getEpochSecond(), body));
            sent = sender.post(send.endpoint().url(), headers, body);
        } finally {
            inFlight.release(send.endpoint().id());
        }
        WebhookAttempt attempt = new WebhookAttempt(at, sent.took(), sent.status(), sent.error(), sent.answer());
        unitOfWork.inTransaction(() -> settle(send, attempt, sent));
    }

    /**
     * Records the attempt; and, if this worker still holds the message (a lease that ran out may have passed it on),
     * what the attempt means for the message and for its endpoint's health.
     */
    private void settle(Send send, WebhookAttempt attempt, WebhookSender.Attempt sent) {
        Optional<WebhookMessages.Held> held = messages.lock(send.message().id());
        if (held.isEmpty()) {
            return; // its endpoint was removed meanwhile
        }
        messages.recordAttempt(send.message().id(), attempt);
        if (!held.get().lease().equals(Optional.of(send.lease()))
                || held.get().message().status() != WebhookMessage.Status.PENDING) {
            return;
        }
        WebhookMessage message = held.get().message();
        Instant now = clock.instant();
        boolean endpointOn = health(send.endpoint(), sent, now);
        if (sent.delivered()) {
            message.delivered(now);
        } else {
            message.attemptFailed(now, sent.retryAfter(),
                    !endpointOn && message.type() != WebhookEventType.WEBHOOK_TEST, jitter);
        }
        messages.update(message);
    }

    /**
     * What the attempt says of the endpoint: a 2xx ends a run of failures, a 410 disables it, and five days of nothing
     * but failures do. Tried first on {@code seen} — this attempt's own copy, read when the message was taken — so that
     * the endpoint's row is locked and written (two attempts cannot both disable it) only when the attempt changes its
     * state; returns whether the endpoint is still on.
     */
    private boolean health(WebhookEndpoint seen, WebhookSender.Attempt sent, Instant now) {
        if (!judge(seen, sent, now).changed()) {
            return seen.enabled();
        }
        Optional<WebhookEndpoint> locked = endpoints.lock(seen.id());
        if (locked.isEmpty()) {
            return false;
        }
        WebhookEndpoint endpoint = locked.get();
        Health health = judge(endpoint, sent, now);
        if (health.changed()) {
            endpoints.updateState(endpoint);
        }
        if (health.disabledNow()) {
            disabled.accept(endpoint, now);
        }
        return endpoint.enabled();
    }

    /** What an attempt did to an endpoint's state: whether it changed it, and whether it turned the endpoint off. */
    private record Health(boolean changed, boolean disabledNow) {
    }

    private static Health judge(WebhookEndpoint endpoint, WebhookSender.Attempt sent, Instant now) {
        boolean on = endpoint.enabled();
        Optional<Instant> failing = endpoint.failingSince();
        boolean disabledNow = false;
        if (sent.delivered()) {
            endpoint.delivered();
        } else {
            disabledNow = endpoint.failed(sent.gone(), now);
        }
        return new Health(endpoint.enabled() != on || !endpoint.failingSince().equals(failing), disabledNow);
    }
}
