package dev.billingportal.adapter.in.rest.audit;

import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.adapter.in.rest.access.OperatorEndpoint;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.audit.ListAuditEventsQuery;
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

/** Everything the audit holds about an account — its users' and the provider's side — for support (spec §11). */
@ApplicationScoped
@Path("/operator/accounts/{accountId}/audit-events")
@OperatorEndpoint(Permission.READ_ACCOUNTS)
@Tag(name = "Operator: audit")
@SecurityRequirement(name = "operatorToken")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorAccountAuditResource {
    @Inject
    ListAuditEventsQuery auditEvents;
    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "listAccountAuditEventsForOperator", description = "Everything done on an account, "
            + "by its portal users and by the provider's side (named, with reasons), newest first; follow "
            + "nextCursor.", summary = "An account's audit, as support sees it")
    @APIResponse(responseCode = "200", description = "A page of the account's audit",
            content = @Content(schema = @Schema(implementation = AuditEventResponse.PageResponse.class)))
    public Response list(@PathParam("accountId") String accountId, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor) {
        return JsonResponses.ok(AuditEventResponse.PageResponse.of(
                auditEvents.list(caller.actor(), PathIds.account(accountId), PageRequest.of(limit, cursor))));
    }
}
