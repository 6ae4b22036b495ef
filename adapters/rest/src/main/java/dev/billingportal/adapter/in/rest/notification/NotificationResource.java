package dev.billingportal.adapter.in.rest.notification;

import dev.billingportal.adapter.in.rest.access.PortalUserEndpoint;
import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.notification.ListNotificationsQuery;
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

/** The account's billing notifications: what was sent to whom, and how it went (spec §6). */
@ApplicationScoped
@PortalUserEndpoint
@Path("/accounts/{accountId}/notifications")
@Tag(name = "Billing notifications")
@SecurityRequirement(name = "sessionToken")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {
    @Inject
    ListNotificationsQuery notifications;
    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "listBillingNotifications",
            description = "The billing notifications of the caller's account (transactions posted, users added and "
                    + "deleted), with each recipient's delivery status, newest first and keyset-paginated.",
            summary = "Billing notifications sent for the account, newest first")
    @APIResponse(responseCode = "200", description = "A page of deliveries",
            content = @Content(schema = @Schema(implementation = NotificationResponse.PageResponse.class)))
    public Response list(@PathParam("accountId") String accountId, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor) {
        return JsonResponses.ok(NotificationResponse.PageResponse.of(
                notifications.list(caller.actor(), PathIds.account(accountId), PageRequest.of(limit, cursor))));
    }
}
