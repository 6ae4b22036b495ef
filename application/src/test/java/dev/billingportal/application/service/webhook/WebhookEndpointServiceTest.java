package dev.billingportal.application.service.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.webhook.CreatedWebhookEndpoint;
import dev.billingportal.application.port.in.webhook.WebhookEndpointInput;
import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookMessage;
import dev.billingportal.domain.webhook.WebhookSecret;
import dev.billingportal.testing.InMemoryPortal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may do what with which endpoints, and what each change keeps. */
class WebhookEndpointServiceTest {
    private final WebhookServicesFixture fixture = new WebhookServicesFixture();
    private final InMemoryPortal portal = fixture.portal;
    private final WebhookEndpointService service = fixture.endpoints;
    private final Account account = portal.account();
    private final PortalUser ann = portal.active(account, "Ann", true);
    private final Actor annActs = InMemoryPortal.actor(ann);

    private static WebhookEndpointInput input(String url) {
        return new WebhookEndpointInput(url, "Ledger sync", List.of("transaction.posted"), null);
    }

    private Actor operator(OperatorRole role) {
        return InMemoryPortal.actor(portal.operator("Op " + role, role).operator(), portal.clock.instant());
    }

    private CreatedWebhookEndpoint created() {
        return service.create(annActs, Optional.of(account.id()), input("https://hooks.example.com/billing"));
    }

    @Test
    void aPortalUserAddsAnEndpointAndSeesItsSecretThisOnce() {
        CreatedWebhookEndpoint created = created();
        assertTrue(created.secret().text().startsWith("whsec_"));
        WebhookEndpoint read = service.get(annActs, Optional.of(account.id()), created.endpoint().id());
        assertEquals("https://hooks.example.com/billing", read.url().uri().toString());
        assertEquals(List.of(created.secret()), read.secretsAt(portal.clock.instant()));
        assertEquals(AuditAction.WEBHOOK_ENDPOINT_ADDED, portal.stores.auditLog().newestFirst(account.id(), true,
                Optional.empty(), 1).getFirst().action());
    }

    @Test
    void everyBadFieldIsReportedAndNothingIsStored() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> service.create(annActs,
                Optional.of(account.id()), new WebhookEndpointInput("not a url", "a\nb",
                        List.of("invoice.paid"), null)));
        assertEquals(List.of("url", "description", "eventTypes"), invalid.errors().stream()
                .map(error -> error.field().toString()).toList(), invalid.errors().toString());
        RuleViolation refused = assertThrows(RuleViolation.class, () -> service.create(annActs,
                Optional.of(account.id()), new WebhookEndpointInput("http://hooks.example.com/x", "ERP",
                        List.of("*"), null)));
        assertEquals("url: must use https", refused.getMessage(), "a well-formed URL the rules refuse: 422");
        assertEquals(List.of(), service.list(annActs, Optional.of(account.id())));
    }

    @Test
    void aUrlWhoseHostResolvesToARefusedAddressIsRefusedWithTheReason() {
        fixture.refusedHosts.put("internal.example.com", "resolves to a private address");
        RuleViolation refused = assertThrows(RuleViolation.class, () -> service.create(annActs,
                Optional.of(account.id()), input("https://internal.example.com/hooks")));
        assertEquals("url: resolves to a private address", refused.getMessage());
        assertEquals(List.of(), service.list(annActs, Optional.of(account.id())));
        assertEquals(List.of(), fixture.received, "nothing sent");
    }

    @Test
    void anAccountHasAtMostTenEndpoints() {
        for (int i = 0; i < WebhookEndpoint.MAX_PER_ACCOUNT; i++) {
            service.create(annActs, Optional.of(account.id()), input("https://hooks.example.com/" + i));
        }
        RuleViolation refused = assertThrows(RuleViolation.class, () -> service.create(annActs,
                Optional.of(account.id()), input("https://hooks.example.com/eleventh")));
        assertTrue(refused.getMessage().contains("at most 10"), refused.getMessage());
    }

    @Test
    void anotherAccountsEndpointIsNotFoundAndTheProvidersSideReadsButDoesNotManage() {
        CreatedWebhookEndpoint created = created();
        Account other = portal.account();
        Actor olga = InMemoryPortal.actor(portal.active(other, "Olga", false));
        assertThrows(NotFound.class, () -> service.list(olga, Optional.of(account.id())));
        assertThrows(NotFound.class, () -> service.get(annActs, Optional.of(other.id()), created.endpoint().id()));
        assertThrows(AccessDenied.class, () -> service.delete(annActs, Optional.empty(), created.endpoint().id()),
                "the provider's path is not a portal user's");

        Actor support = operator(OperatorRole.SUPPORT);
        assertEquals(1, service.list(support, Optional.of(account.id())).size());
        assertThrows(AccessDenied.class, () -> service.create(support, Optional.of(account.id()),
                input("https://hooks.example.com/x")));
        assertThrows(AccessDenied.class, () -> service.rotateSecret(support, Optional.of(account.id()),
                created.endpoint().id()));
        service.sendTestEvent(support, Optional.of(account.id()), created.endpoint().id());
    }

    @Test
    void theProvidersEndpointsAreItsAdministratorsAlone() {
        Actor admin = operator(OperatorRole.ADMIN);
        CreatedWebhookEndpoint provider = service.create(admin, Optional.empty(),
                input("https://provider.example.com/all"));
        assertEquals(Optional.empty(), provider.endpoint().account());
        assertThrows(AccessDenied.class, () -> service.list(operator(OperatorRole.BILLING), Optional.empty()));
        assertThrows(AccessDenied.class, () -> service.list(annActs, Optional.empty()));
        assertThrows(NotFound.class, () -> service.get(annActs, Optional.of(account.id()),
                provider.endpoint().id()), "not under an account's path");
    }

    @Test
    void anOperatorManagesTheProvidersEndpointsOnlyWithAFreshSecondFactor() {
        Actor stale = InMemoryPortal.actor(portal.operator("Ada", OperatorRole.ADMIN).operator(),
                portal.clock.instant().minus(Duration.ofMinutes(6)));
        assertThrows(dev.billingportal.domain.failure.StepUpRequired.class, () -> service.create(stale,
                Optional.empty(), input("https://provider.example.com/all")));
        assertEquals(List.of(), service.list(stale, Optional.empty()), "reading needs none, and nothing was added");
    }

    @Test
    void aRotationGivesANewSecretAndTheOldOneSignsForADay() {
        CreatedWebhookEndpoint created = created();
        WebhookSecret next = service.rotateSecret(annActs, Optional.of(account.id()), created.endpoint().id());
        assertNotEquals(created.secret(), next);
        WebhookEndpoint read = service.get(annActs, Optional.of(account.id()), created.endpoint().id());
        assertEquals(List.of(next, created.secret()), read.secretsAt(portal.clock.instant()));
        assertEquals(List.of(next), read.secretsAt(portal.clock.instant().plus(Duration.ofHours(24))));
    }

    @Test
    void aChangeKeepsWhatItDoesNotNameAndTurningOnGivesFreshDays() {
        CreatedWebhookEndpoint created = created();
        WebhookEndpoint off = service.update(annActs, Optional.of(account.id()), created.endpoint().id(),
                new WebhookEndpointInput(null, null, null, false));
        assertFalse(off.enabled());
        assertEquals("Ledger sync", off.description());
        WebhookEndpoint moved = service.update(annActs, Optional.of(account.id()), created.endpoint().id(),
                new WebhookEndpointInput("https://hooks.example.com/v2", null, List.of("*"), true));
        assertTrue(moved.enabled());
        assertEquals("https://hooks.example.com/v2", moved.url().uri().toString());
        fixture.refusedHosts.put("10.0.0.1", "resolves to a private address");
        assertThrows(RuleViolation.class, () -> service.update(annActs, Optional.of(account.id()),
                created.endpoint().id(), new WebhookEndpointInput("https://10.0.0.1/x", null, null, null)));
        assertEquals("https://hooks.example.com/v2", service.get(annActs, Optional.of(account.id()),
                created.endpoint().id()).url().uri().toString(), "unchanged");
    }

    @Test
    void aResendQueuesTheSameMessageAgainWithAFreshSchedule() {
        CreatedWebhookEndpoint created = service.create(annActs, Optional.of(account.id()),
                new WebhookEndpointInput("http://receiver.test:8080/hooks", "", List.of("*"), null));
        fixture.answer = request -> WebhookServicesFixture.answered(500);
        WebhookMessage test = service.sendTestEvent(annActs, Optional.of(account.id()), created.endpoint().id());
        fixture.deliverQueued();
        for (int attempt = 1; attempt < 8; attempt++) {
            portal.clock.advance(Duration.ofHours(12));
            fixture.scheduler.queueDue();
            fixture.deliverQueued();
        }
        assertEquals(WebhookMessage.Status.FAILED, service.message(annActs, Optional.of(account.id()),
                created.endpoint().id(), test.id()).message().status());
        assertEquals(8, fixture.received.size(), "the schedule's eight attempts");

        fixture.answer = request -> WebhookServicesFixture.answered(200);
        WebhookMessage resent = service.resend(annActs, Optional.of(account.id()), created.endpoint().id(),
                test.id());
        assertEquals(test.id(), resent.id());
        assertEquals(1, fixture.deliverQueued());
        assertEquals(test.id(), fixture.received.getLast().headers().get("webhook-id"));
        var detail = service.message(annActs, Optional.of(account.id()), created.endpoint().id(), test.id());
        assertEquals(WebhookMessage.Status.DELIVERED, detail.message().status());
        assertEquals(9, detail.attempts().size());
        assertEquals(1, service.messages(annActs, Optional.of(account.id()), created.endpoint().id(),
                PageRequest.first(10)).items().size());
        assertThrows(NotFound.class, () -> service.resend(annActs, Optional.of(account.id()),
                created().endpoint().id(), test.id()), "not a message of that endpoint");
    }

    @Test
    void removingAnEndpointIsAudited() {
        CreatedWebhookEndpoint created = created();
        portal.clock.advance(Duration.ofMinutes(1));
        service.delete(annActs, Optional.of(account.id()), created.endpoint().id());
        assertThrows(NotFound.class, () -> service.get(annActs, Optional.of(account.id()), created.endpoint().id()));
        assertEquals(AuditAction.WEBHOOK_ENDPOINT_REMOVED, portal.stores.auditLog().newestFirst(account.id(), true,
                Optional.empty(), 1).getFirst().action());
        assertTrue(portal.stores.outbox().unpublishedEntries().stream()
                .noneMatch(entry -> entry.work() instanceof Outbox.Webhook), "nothing was queued");
    }
}
