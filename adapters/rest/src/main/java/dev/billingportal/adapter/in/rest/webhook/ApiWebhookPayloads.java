package dev.billingportal.adapter.in.rest.webhook;

import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.billing.TransactionResponse;
import dev.billingportal.adapter.in.rest.user.PortalUserResponse;
import dev.billingportal.application.port.out.WebhookPayloads;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.webhook.WebhookEndpointId;
import dev.billingportal.domain.webhook.WebhookEventType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Webhook bodies written with the API's own rendering and its one JSON configuration ({@link JsonResponses}: every
 * field present, in alphabetical order), so that {@code data} is byte for byte what {@code GET} of the same
 * transaction or user answers — plus the account, for the transaction.
 */
public final class ApiWebhookPayloads implements WebhookPayloads {

    @Override
    public String transactionPosted(Transaction transaction, Instant at) {
        JsonObject rendered = parse(JsonResponses.json(TransactionResponse.of(transaction)));
        Map<String, JsonValue> fields = new TreeMap<>(rendered);
        fields.put("accountId", Json.createValue(transaction.accountId().toString()));
        JsonObjectBuilder data = Json.createObjectBuilder();
        fields.forEach(data::add);
        return JsonResponses.json(new Body(WebhookEventType.TRANSACTION_POSTED.wireName(), at, data.build()));
    }

    @Override
    public String portalUser(WebhookEventType type, PortalUser user, Instant at) {
        return JsonResponses.json(new WebhookEvents.PortalUserChanged(type.wireName(), at,
                PortalUserResponse.of(user)));
    }

    @Override
    public String test(WebhookEndpointId endpoint, Optional<AccountId> account, Instant at) {
        return JsonResponses.json(new WebhookEvents.Test(WebhookEventType.WEBHOOK_TEST.wireName(), at,
                new WebhookEvents.TestData(endpoint.value(), account.map(AccountId::value).orElse(null))));
    }

    /** The envelope with {@code data} already rendered. */
    public record Body(String type, Instant timestamp, JsonObject data) {
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
