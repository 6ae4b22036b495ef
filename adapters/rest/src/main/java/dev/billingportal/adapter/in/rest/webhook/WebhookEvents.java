package dev.billingportal.adapter.in.rest.webhook;

import dev.billingportal.adapter.in.rest.billing.TransactionResponse;
import dev.billingportal.adapter.in.rest.user.PortalUserResponse;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The bodies webhook receivers get (spec §13), as schemas a receiver can generate types from: {@code type},
 * {@code timestamp} (when the event happened) and {@code data}, the API's own rendering of what it is about, with the
 * account it belongs to.
 */
public final class WebhookEvents {
    private WebhookEvents() {
    }

    @Schema(name = "TransactionPostedEvent", description = "A transaction was posted to an account.")
    public record TransactionPosted(@Schema(required = true, enumeration = "transaction.posted") String type,
                                    @Schema(required = true) Instant timestamp,
                                    @Schema(required = true) TransactionData data) {
    }

    @Schema(name = "TransactionEventData", description = "The transaction as the API renders it, with its account.",
            allOf = {TransactionResponse.class, AccountPart.class})
    public static final class TransactionData {
        private TransactionData() {
        }
    }

    @Schema(name = "EventAccount")
    public record AccountPart(@Schema(required = true) UUID accountId) {
    }

    @Schema(name = "PortalUserEvent", description = "A portal user was added, deleted or restored; the user as they "
            + "are after it.")
    public record PortalUserChanged(@Schema(required = true, enumeration = {"portal_user.added",
            "portal_user.deleted", "portal_user.restored"}) String type,
                                    @Schema(required = true) Instant timestamp,
                                    @Schema(required = true) PortalUserResponse data) {
    }

    @Schema(name = "WebhookTestEvent", description = "Sent by \"Send test event\"; never subscribed to.")
    public record Test(@Schema(required = true, enumeration = "webhook.test") String type,
                       @Schema(required = true) Instant timestamp, @Schema(required = true) TestData data) {
    }

    @Schema(name = "WebhookTestEventData")
    public record TestData(@Schema(required = true) UUID endpointId,
                           @Schema(description = "The endpoint's account; null for one of the provider's")
                           UUID accountId) {
    }
}
