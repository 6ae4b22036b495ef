package dev.billingportal.adapter.in.rest.notification;

import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.adapter.in.rest.access.OperatorEndpoint;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.notification.ListNotificationsQuery;
import dev.billingportal.domain.access.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An account's billing notifications and their delivery, for the provider's billing team (spec §11). */
@ApplicationScoped
@Path("/operator/accounts/{accountId}/notifications")
@OperatorEndpoint(Permission.READ_ACCOUNTS)
@Tag(name = "Operator: notifications")
@SecurityRequirement(name = "operatorToken")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorAccountNotificationResource {
    @Inject
    ListNotificationsQuery notifications;
    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "listAccountNotificationsForOperator", description = "The e-mails sent about an "
            + "account, with each recipient's delivery status, newest first; follow nextCursor.",
            summary = "An account's notifications")
    @APIResponse(responseCode = "200", description = "A page of deliveries",
            content = @Content(schema = @Schema(implementation = NotificationResponse.PageResponse.class)))
    public Response list(@PathParam("accountId") String accountId, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor) {
        return JsonResponses.ok(NotificationResponse.PageResponse.of(
                notifications.list(caller.actor(), PathIds.account(accountId), PageRequest.of(limit, cursor))));
    }
}
