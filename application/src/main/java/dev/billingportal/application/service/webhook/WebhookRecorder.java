package dev.billingportal.application.service.webhook;

import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.port.out.WebhookEndpoints;
import dev.billingportal.application.port.out.WebhookMessages;
import dev.billingportal.application.port.out.WebhookPayloads;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.webhook.WebhookEventType;
import dev.billingportal.domain.webhook.WebhookMessage;
import dev.billingportal.domain.webhook.WebhookSubscription;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Records webhook messages in the caller's unit of work — the change's own transaction, through the same outbox as its
 * e-mails — with the endpoints that receive them fixed at that moment: the account's own, subscribed to the event's
 * type, and the provider's (spec §13). Nudges the relay once the unit commits.
 */
public final class WebhookRecorder {
    private final WebhookEndpoints endpoints;
    private final WebhookMessages messages;
    private final WebhookPayloads payloads;
    private final UnitOfWork unitOfWork;
    private final Runnable relayWakeUp;
    private final SecureRandom random;

    public WebhookRecorder(WebhookEndpoints endpoints, WebhookMessages messages, WebhookPayloads payloads,
                           UnitOfWork unitOfWork, Runnable relayWakeUp, SecureRandom random) {
        this.endpoints = endpoints;
        this.messages = messages;
        this.payloads = payloads;
        this.unitOfWork = unitOfWork;
        this.relayWakeUp = relayWakeUp;
        this.random = random;
    }

    /**
     * Where an account's events may go: read once, it serves many postings to the account in one unit of work
     * ({@link #transactionPosted}).
     */
    public List<WebhookSubscription> subscriptionsFor(AccountId account) {
        return endpoints.subscriptionsFor(account);
    }

    /** {@code transaction.posted}, to those of the account's {@code subscriptions} that take it. */
    public void transactionPosted(Transaction transaction, List<WebhookSubscription> subscriptions, Instant now) {
        record(WebhookEventType.TRANSACTION_POSTED, subscriptions, () -> payloads.transactionPosted(transaction, now),
                now);
    }

    /** {@code portal_user.added}, {@code .deleted} or {@code .restored}, with the user as they now are. */
    public void portalUser(WebhookEventType type, PortalUser user, Instant now) {
        record(type, endpoints.subscriptionsFor(user.accountId()), () -> payloads.portalUser(type, user, now), now);
    }

    private void record(WebhookEventType type, List<WebhookSubscription> subscriptions, Supplier<String> body,
                        Instant now) {
        List<WebhookSubscription> receiving = subscriptions.stream()
                .filter(subscription -> subscription.receives(type)).toList();
        if (receiving.isEmpty()) {
            return; // the body is not even written
        }
        String written = body.get();
        messages.record(receiving.stream()
                .map(subscription -> WebhookMessage.pending(subscription.endpoint(), type, written, now, random))
                .toList(), now, WebhookLeases.QUEUED);
        unitOfWork.afterCommit(relayWakeUp);
    }
}
