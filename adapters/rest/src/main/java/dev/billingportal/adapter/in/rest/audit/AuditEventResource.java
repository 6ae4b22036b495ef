package dev.billingportal.adapter.in.rest.audit;

import dev.billingportal.adapter.in.rest.access.PortalUserEndpoint;
import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.audit.ListAuditEventsQuery;
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

@ApplicationScoped
@PortalUserEndpoint
@Path("/accounts/{accountId}/audit-events")
@Tag(name = "Manage users")
@SecurityRequirement(name = "sessionToken")
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventResource {
    @Inject
    ListAuditEventsQuery auditEvents;
    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "listAuditEvents",
            description = "Who did what in the caller's account (sign-ins, users added, edited, deleted, "
                    + "invitations accepted), newest first; follow nextCursor for older entries.",
            summary = "The account's audit log, newest first; follow nextCursor for older entries")
    @APIResponse(responseCode = "200", description = "A page of the audit log",
            content = @Content(schema = @Schema(implementation = AuditEventResponse.PageResponse.class)))
    public Response list(@PathParam("accountId") String accountId, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor) {
        return JsonResponses.ok(AuditEventResponse.PageResponse.of(
                auditEvents.list(caller.actor(), PathIds.account(accountId), PageRequest.of(limit, cursor))));
    }
}
