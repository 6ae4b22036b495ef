package dev.billingportal.adapter.in.rest.notification;

import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.adapter.in.rest.access.OperatorEndpoint;
import dev.billingportal.adapter.in.rest.problem.Problem;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.notification.ListDeliveriesQuery;
import dev.billingportal.application.port.in.notification.RetryNotificationCommand;
import dev.billingportal.application.port.in.notification.RetryNotificationUseCase;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.notification.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators see deliveries across accounts — the failed ones above all — and re-drive them (spec §6). */
@ApplicationScoped
@Path("/operator/notifications")
@OperatorEndpoint(Permission.READ_ACCOUNTS)
@Tag(name = "Operator: notifications")
@SecurityRequirement(name = "operatorToken")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorNotificationResource {
    @Inject
    ListDeliveriesQuery deliveries;
    @Inject
    RetryNotificationUseCase retry;
    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "listDeliveriesForOperator",
            description = "Every account's e-mail deliveries, newest first and keyset-paginated; status=FAILED "
                    + "lists those given up on, which can be re-driven.",
            summary = "Deliveries of every account, newest first; status=FAILED for those given up on")
    @APIResponse(responseCode = "200", description = "A page of deliveries",
            content = @Content(schema = @Schema(implementation = NotificationResponse.PageResponse.class)))
    public Response list(@QueryParam("status") String status, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor) {
        return JsonResponses.ok(NotificationResponse.PageResponse.of(
                deliveries.list(caller.actor(), status(status), PageRequest.of(limit, cursor))));
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE_NAME}) // no body: a client accepting only problems is served
    @Path("/{notificationId}/retry")
    @OperatorEndpoint(Permission.ASSIST_CUSTOMERS)
    @Operation(operationId = "retryDelivery",
            description = "Queues a FAILED delivery again: it is PENDING and will be sent once, as if new. Only a "
                    + "FAILED delivery qualifies, so nothing is sent twice.",
            summary = "Re-drive a FAILED delivery")
    @APIResponse(responseCode = "202", description = "Queued again")
    @APIResponse(responseCode = "409", description = "The delivery has not failed")
    public Response retry(@PathParam("notificationId") String notificationId) {
        retry.retry(new RetryNotificationCommand(caller.actor(),
                new DeliveryId(PathIds.uuid(notificationId, "The notification"))));
        return Response.accepted().build();
    }

    private static Optional<DeliveryStatus> status(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DeliveryStatus.valueOf(value.strip()));
        } catch (IllegalArgumentException unknown) {
            throw InvalidInput.field("status", "must be PENDING, SENT or FAILED");
        }
    }
}
