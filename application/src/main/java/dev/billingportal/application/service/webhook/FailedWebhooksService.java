package dev.billingportal.application.service.webhook;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.webhook.FailedWebhook;
import dev.billingportal.application.port.in.webhook.FailedWebhooksQuery;
import dev.billingportal.application.port.in.webhook.RetryFailedWebhookUseCase;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.port.out.WebhookEndpoints;
import dev.billingportal.application.port.out.WebhookMessages;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.access.ProviderAccessPolicy;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.audit.AuditSubject;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.webhook.WebhookAttempt;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The webhook messages that failed for good, across every endpoint, and an operator's retry of one (spec §11, §12):
 * the billing team's queue of what to look at holds them beside the failed e-mails. Reading needs what reading an
 * account needs; a retry, what retrying a notification needs — for a provider endpoint's message too, since a retry
 * changes no endpoint.
 */
public final class FailedWebhooksService implements FailedWebhooksQuery, RetryFailedWebhookUseCase {
    private final UnitOfWork unitOfWork;
    private final WebhookEndpoints endpoints;
    private final WebhookMessages messages;
    private final AuditLog auditLog;
    private final Runnable relayWakeUp;
    private final Clock clock;

    public FailedWebhooksService(UnitOfWork unitOfWork, WebhookEndpoints endpoints, WebhookMessages messages,
                                 AuditLog auditLog, Runnable relayWakeUp, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.endpoints = endpoints;
        this.messages = messages;
        this.auditLog = auditLog;
        this.relayWakeUp = relayWakeUp;
        this.clock = clock;
    }

    @Override
    public Page<FailedWebhook> list(Actor actor, PageRequest page) {
        ProviderAccessPolicy.require(actor, Permission.READ_ACCOUNTS);
        Optional<WebhookMessages.Position> after = MessagePages.after(page);
        List<FailedWebhook> found = unitOfWork.inTransaction(() -> {
            List<WebhookMessages.Failed> failed = messages.failedNewestFirst(after, page.limit() + 1);
            Map<String, WebhookAttempt> last = messages.lastAttempts(failed.stream()
                    .map(one -> one.message().id()).toList());
            return failed.stream().map(one -> new FailedWebhook(one.message(), one.account(), one.endpointUrl(),
                    Optional.ofNullable(last.get(one.message().id())))).toList();
        });
        return MessagePages.of(found, page.limit(), FailedWebhook::message);
    }

    @Override
    public long count(Actor actor) {
        ProviderAccessPolicy.require(actor, Permission.READ_ACCOUNTS);
        return unitOfWork.inTransaction(messages::countFailed);
    }

    @Override
    public void retry(Actor actor, String message) {
        ProviderAccessPolicy.require(actor, Permission.ASSIST_CUSTOMERS);
        Instant now = clock.instant();
        unitOfWork.inTransaction(() -> {
            WebhookMessage found = messages.lock(message).map(WebhookMessages.Held::message)
                    .orElseThrow(() -> new NotFound("The message"));
            if (found.status() != WebhookMessage.Status.FAILED) {
                throw new StateConflict("webhook-message-not-failed",
                        "Only a failed webhook message can be retried.");
            }
            WebhookEndpoint endpoint = endpoints.find(found.endpoint())
                    .orElseThrow(() -> new NotFound("The webhook endpoint"));
            WebhookResend.resend(messages, endpoint, found, now);
            auditLog.record(AuditEvent.about(new AuditSubject(AuditSubject.Kind.WEBHOOK_ENDPOINT,
                            endpoint.id().value(), found.type().wireName() + " to " + endpoint.url().shown()),
                    endpoint.account(), actor, AuditAction.WEBHOOK_MESSAGE_RETRIED, List.of(), now));
            unitOfWork.afterCommit(relayWakeUp);
        });
    }
}
