package dev.billingportal.adapter.in.rest.webhook;

import dev.billingportal.application.port.in.webhook.CreatedWebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookEndpoint",
        description = "Where billing events are posted (spec §13); its secret is never here.")
public record WebhookEndpointResponse(
        UUID id,
        @Schema(example = "https://erp.example.com/hooks/billing") String url,
        String description,
        @Schema(description = "[\"*\"] for every event type", example = "[\"transaction.posted\"]")
        List<String> eventTypes,
        boolean enabled,
        @Schema(enumeration = {"BY_OWNER", "GONE", "FAILING"},
                description = "Why it is off: turned off, answered 410 Gone, or failed every attempt for 5 days")
        String disabledReason,
        @Schema(description = "Since when every attempt has failed, while it does") Instant failingSince,
        Instant createdAt) {

    public static WebhookEndpointResponse of(WebhookEndpoint endpoint) {
        return new WebhookEndpointResponse(endpoint.id().value(), endpoint.url().uri().toString(),
                endpoint.description(), endpoint.eventTypes().stream().sorted().toList(), endpoint.enabled(),
                endpoint.disabled().map(Enum::name).orElse(null), endpoint.failingSince().orElse(null),
                endpoint.createdAt());
    }

    @Schema(name = "WebhookEndpointList")
    public record ListResponse(List<WebhookEndpointResponse> items) {
        public static ListResponse of(List<WebhookEndpoint> endpoints) {
            return new ListResponse(endpoints.stream().map(WebhookEndpointResponse::of).toList());
        }
    }

    @Schema(name = "CreatedWebhookEndpoint", description = "The new endpoint and its signing secret, shown this once.")
    public record Created(WebhookEndpointResponse endpoint,
                          @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {
        public static Created of(CreatedWebhookEndpoint created) {
            return new Created(WebhookEndpointResponse.of(created.endpoint()), created.secret().text());
        }
    }

    @Schema(name = "WebhookSecret", description = "A new signing secret, shown this once; the replaced one signs "
            + "beside it for 24 hours.")
    public record Secret(String secret) {
    }
}
