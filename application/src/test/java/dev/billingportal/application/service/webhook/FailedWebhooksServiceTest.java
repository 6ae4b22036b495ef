package dev.billingportal.application.service.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.webhook.CreatedWebhookEndpoint;
import dev.billingportal.application.port.in.webhook.FailedWebhook;
import dev.billingportal.application.port.in.webhook.WebhookEndpointInput;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.webhook.WebhookEventType;
import dev.billingportal.domain.webhook.WebhookMessage;
import dev.billingportal.testing.InMemoryPortal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The billing team's list of failed webhook messages across endpoints, and its retry. */
class FailedWebhooksServiceTest {
    private final WebhookServicesFixture fixture = new WebhookServicesFixture();
    private final InMemoryPortal portal = fixture.portal;
    private final FailedWebhooksService failed = new FailedWebhooksService(portal.stores.unitOfWork(),
            portal.stores.webhookEndpoints(), portal.stores.webhookMessages(), portal.stores.auditLog(),
            portal.relayWakeUps::incrementAndGet, portal.clock);
    private final Account account = portal.account();
    private final Actor ann = InMemoryPortal.actor(portal.active(account, "Ann", true));
    private final Actor support = operator(OperatorRole.SUPPORT);

    private Actor operator(OperatorRole role) {
        return InMemoryPortal.actor(portal.operator("Op " + role, role).operator(), portal.clock.instant());
    }

    private CreatedWebhookEndpoint endpoint(Actor owner, Optional<dev.billingportal.domain.account.AccountId> of,
                                            String url) {
        return fixture.endpoints.create(owner, of, new WebhookEndpointInput(url, "", List.of("*"), null));
    }

    /** Every attempt of the schedule answered 500: the messages waiting end FAILED. */
    private void failEveryAttempt() {
        fixture.answer = request -> WebhookServicesFixture.answered(500);
        fixture.deliverQueued();
        for (int attempt = 1; attempt < 8; attempt++) {
            portal.clock.advance(Duration.ofHours(12));
            fixture.scheduler.queueDue();
            fixture.deliverQueued();
        }
    }

    @Test
    void theFailedOfEveryOwnerAreListedNewestFirstWithWhereTheyWentAndWhy() {
        CreatedWebhookEndpoint customers = endpoint(ann, Optional.of(account.id()),
                "http://receiver.test/hooks?token=s3cret");
        Actor admin = operator(OperatorRole.ADMIN);
        CreatedWebhookEndpoint providers = endpoint(admin, Optional.empty(), "http://receiver.test/provider");
        WebhookMessage first = fixture.endpoints.sendTestEvent(ann, Optional.of(account.id()),
                customers.endpoint().id());
        portal.clock.advance(Duration.ofSeconds(1));
        WebhookMessage second = fixture.endpoints.sendTestEvent(admin, Optional.empty(), providers.endpoint().id());
        failEveryAttempt();

        assertEquals(2, failed.count(support));
        Page<FailedWebhook> newest = failed.list(support, PageRequest.first(1));
        FailedWebhook shown = newest.items().getFirst();
        assertEquals(second.id(), shown.message().id());
        assertEquals(Optional.empty(), shown.account(), "the provider's endpoint");
        assertEquals(Optional.of(500), shown.lastAttempt().orElseThrow().status());
        FailedWebhook older = failed.list(support, new PageRequest(newest.nextCursor(), 1)).items().getFirst();
        assertEquals(first.id(), older.message().id());
        assertEquals(Optional.of(account.id()), older.account());
        assertEquals("http://receiver.test/hooks", older.endpointUrl(), "never the query, which may hold a token");

        assertThrows(AccessDenied.class, () -> failed.list(ann, PageRequest.first(10)), "the provider's view");
        assertThrows(AccessDenied.class, () -> failed.count(ann));
    }

    @Test
    void anOperatorRetriesAFailedMessageOnceWithTheSameIdAndItIsAudited() {
        CreatedWebhookEndpoint created = endpoint(ann, Optional.of(account.id()), "http://receiver.test/hooks");
        WebhookMessage test = fixture.endpoints.sendTestEvent(ann, Optional.of(account.id()),
                created.endpoint().id());
        failEveryAttempt();
        int before = fixture.received.size();

        assertThrows(AccessDenied.class, () -> failed.retry(ann, test.id()), "a customer resends from /webhooks");
        failed.retry(support, test.id());
        assertThrows(StateConflict.class, () -> failed.retry(support, test.id()), "no longer failed");
        fixture.answer = request -> WebhookServicesFixture.answered(200);
        assertEquals(1, fixture.deliverQueued());
        assertEquals(before + 1, fixture.received.size());
        assertEquals(test.id(), fixture.received.getLast().headers().get("webhook-id"));
        assertEquals(0, failed.count(support));
        assertEquals(AuditAction.WEBHOOK_MESSAGE_RETRIED, portal.stores.auditLog().newestFirst(account.id(), false,
                Optional.empty(), 1).getFirst().action());
        assertThrows(NotFound.class, () -> failed.retry(support, "msg_unknown"));
    }

    @Test
    void anEventForAnEndpointThatIsOffIsNotRetriedUntilItIsOn() {
        CreatedWebhookEndpoint created = endpoint(ann, Optional.of(account.id()), "http://receiver.test/hooks");
        WebhookMessage posted = WebhookMessage.pending(created.endpoint().id(), WebhookEventType.TRANSACTION_POSTED,
                "{}", portal.clock.instant(), new SecureRandom());
        portal.stores.unitOfWork().inTransaction(() -> portal.stores.webhookMessages().record(List.of(posted),
                portal.clock.instant(), WebhookLeases.QUEUED));
        failEveryAttempt();
        fixture.endpoints.update(ann, Optional.of(account.id()), created.endpoint().id(),
                new WebhookEndpointInput(null, null, null, false));

        assertThrows(RuleViolation.class, () -> failed.retry(support, posted.id()));
        assertEquals(1, failed.count(support), "still failed, nothing queued");
        assertEquals(0, fixture.deliverQueued());
        fixture.endpoints.update(ann, Optional.of(account.id()), created.endpoint().id(),
                new WebhookEndpointInput(null, null, null, true));
        failed.retry(support, posted.id());
        assertEquals(0, failed.count(support));
    }
}
