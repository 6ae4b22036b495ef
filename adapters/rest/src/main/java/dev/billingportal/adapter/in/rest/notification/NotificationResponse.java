package dev.billingportal.adapter.in.rest.notification;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.Recipient;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NotificationDelivery", description = "One e-mail: an event to one recipient")
public record NotificationResponse(UUID id, UUID eventId,
                                   @Schema(enumeration = {"TRANSACTION_POSTED", "USER_ADDED", "USER_DELETED",
                                           "INVITATION", "PASSWORD_RESET", "OPERATOR_INVITATION",
                                           "OPERATOR_PASSWORD_RESET", "SECURITY_NOTICE", "WEBHOOK_ENDPOINT_DISABLED",
                                           "PROVIDER_WEBHOOK_DISABLED"}) String eventType,
                                   @Schema(description = "The portal user it is for; none for an operator's e-mail")
                                   UUID recipientUserId,
                                   @Schema(description = "The operator it is for (the provider's own e-mails)")
                                   UUID recipientOperatorId,
                                   String recipientEmail,
                                   @Schema(enumeration = {"PENDING", "SENT", "FAILED"}) String status, int attempts,
                                   String lastError, Instant createdAt, Instant sentAt) {

    static NotificationResponse of(Delivery n) {
        return new NotificationResponse(n.id().value(), n.eventId().value(), n.kind().name(),
                n.recipient() instanceof Recipient.PortalUserRecipient user ? user.user().value() : null,
                n.recipient() instanceof Recipient.OperatorRecipient operator ? operator.operator().value() : null,
                n.recipientEmail().value(), n.status().name(), n.attempts(),
                n.lastError(), n.createdAt(), n.sentAt());
    }

    @Schema(name = "NotificationDeliveryPage")
    public record PageResponse(List<NotificationResponse> items, String nextCursor) {
        static PageResponse of(Page<Delivery> page) {
            return new PageResponse(page.items().stream().map(NotificationResponse::of).toList(),
                    page.nextCursor().orElse(null));
        }
    }
}
