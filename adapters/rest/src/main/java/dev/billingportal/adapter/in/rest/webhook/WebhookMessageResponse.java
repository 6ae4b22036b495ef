package dev.billingportal.adapter.in.rest.webhook;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.webhook.WebhookMessageDetail;
import dev.billingportal.domain.webhook.WebhookAttempt;
import dev.billingportal.domain.webhook.WebhookMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookMessage", description = "One event for one endpoint; its id is the webhook-id header of every "
        + "attempt.")
public record WebhookMessageResponse(
        @Schema(example = "msg_p5jXN8AQM9LWM0D4loKWxJek") String id,
        @Schema(enumeration = {"transaction.posted", "portal_user.added", "portal_user.deleted",
                "portal_user.restored", "webhook.test"}) String eventType,
        @Schema(enumeration = {"PENDING", "DELIVERED", "FAILED"},
                description = "PENDING: sending, or retrying at nextAttemptAt") String status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt) {

    public static WebhookMessageResponse of(WebhookMessage message) {
        return new WebhookMessageResponse(message.id(), message.type().wireName(), message.status().name(),
                message.attempts(), message.createdAt(), message.nextAttemptAt().orElse(null),
                message.deliveredAt().orElse(null));
    }

    @Schema(name = "WebhookMessagePage")
    public record PageResponse(List<WebhookMessageResponse> items, String nextCursor) {
        public static PageResponse of(Page<WebhookMessage> page) {
            return new PageResponse(page.items().stream().map(WebhookMessageResponse::of).toList(),
                    page.nextCursor().orElse(null));
        }
    }

    @Schema(name = "WebhookAttempt", description = "One attempt: its HTTP status, or the error when no answer came.")
    public record AttemptResponse(Instant at, long durationMs,
                                  @Schema(example = "200") Integer httpStatus,
                                  @Schema(example = "timeout") String error,
                                  @Schema(description = "The first KiB of the answer's body") String answer) {
        static AttemptResponse of(WebhookAttempt attempt) {
            return new AttemptResponse(attempt.at(), attempt.took().toMillis(), attempt.status().orElse(null),
                    attempt.error().orElse(null), attempt.answer());
        }
    }

    @Schema(name = "WebhookMessageDetail", description = "A message with the body its receiver gets and its attempts, "
            + "oldest first.")
    public record Detail(WebhookMessageResponse message,
                         @Schema(oneOf = {WebhookEvents.TransactionPosted.class, WebhookEvents.PortalUserChanged.class,
                                 WebhookEvents.Test.class}) JsonObject body,
                         List<AttemptResponse> attempts) {
        public static Detail of(WebhookMessageDetail detail) {
            JsonObject body;
            try (var reader = Json.createReader(new StringReader(detail.message().body()))) {
                body = reader.readObject();
            }
            return new Detail(WebhookMessageResponse.of(detail.message()), body,
                    detail.attempts().stream().map(AttemptResponse::of).toList());
        }
    }
}
