package dev.billingportal.application.service.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.service.notification.MailComposer;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.notification.Recipient;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookSecret;
import dev.billingportal.domain.webhook.WebhookUrl;
import dev.billingportal.testing.InMemoryPortal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Spec §13: when an endpoint is turned off, its owners are e-mailed — the account's users, or the admins. */
class WebhookEndpointDisabledNoticeTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final WebhookEndpointDisabledNotice notice = new WebhookEndpointDisabledNotice(portal.stores.accounts(),
            portal.stores.users(), portal.stores.operators(), portal.recorder);
    private final MailComposer composer = new MailComposer(portal.stores.tokens(), portal.stores.operatorTokens(),
            "https://portal.example");

    private WebhookEndpoint failedForFiveDays(Optional<Account> owner) {
        WebhookEndpoint endpoint = WebhookEndpoint.create(owner.map(Account::id),
                WebhookUrl.parse("https://erp.example.com/hooks?token=s3cret", Set.of()), "", Set.of("*"),
                WebhookSecret.generate(new SecureRandom()), portal.clock.instant());
        endpoint.failed(false, portal.clock.instant());
        assertTrue(endpoint.failed(false, portal.clock.instant().plus(Duration.ofDays(5))));
        return endpoint;
    }

    @Test
    void theAccountsUsersWithBillingNotificationsAreToldWhichEndpointAndWhy() {
        Account account = portal.account();
        PortalUser ann = portal.active(account, "Ann", true);
        portal.active(account, "Carl", false);
        WebhookEndpoint endpoint = failedForFiveDays(Optional.of(account));

        portal.stores.unitOfWork().inTransaction(() -> notice.accept(endpoint, portal.clock.instant()));

        List<Delivery> told = portal.deliveries(NotificationKind.WEBHOOK_ENDPOINT_DISABLED);
        assertEquals(List.of(Recipient.of(ann.id())), told.stream().map(Delivery::recipient).toList());
        var composed = composer.compose(told.getFirst(), portal.stores.deliveries().event(told.getFirst().eventId())
                .orElseThrow(), ann, portal.clock.instant());
        var values = ((MailComposer.Composition.Mail) composed).mail().values();
        assertEquals("https://erp.example.com/hooks", values.get("endpoint"), "never the query, which may hold a token");
        assertTrue(values.get("reason").contains("has failed since"), values.get("reason"));
        assertEquals("https://portal.example/webhooks", values.get("webhooksUrl"));
    }

    @Test
    void theProvidersActiveAdministratorsAreToldOfOneOfItsOwn() {
        Operator ada = portal.operator("Ada", OperatorRole.ADMIN).operator();
        portal.operator("Sam", OperatorRole.SUPPORT);
        WebhookEndpoint endpoint = failedForFiveDays(Optional.empty());

        portal.stores.unitOfWork().inTransaction(() -> notice.accept(endpoint, portal.clock.instant()));

        List<Delivery> told = portal.deliveries(NotificationKind.PROVIDER_WEBHOOK_DISABLED);
        assertEquals(List.of(Recipient.of(ada.id())), told.stream().map(Delivery::recipient).toList());
        var composed = composer.compose(told.getFirst(), portal.stores.deliveries().event(told.getFirst().eventId())
                .orElseThrow(), ada, portal.clock.instant());
        assertEquals("https://portal.example/console/webhooks",
                ((MailComposer.Composition.Mail) composed).mail().values().get("webhooksUrl"));
    }
}
