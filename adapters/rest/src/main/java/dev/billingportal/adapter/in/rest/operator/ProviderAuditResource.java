package dev.billingportal.adapter.in.rest.operator;

import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.adapter.in.rest.access.OperatorEndpoint;
import dev.billingportal.adapter.in.rest.audit.AuditEventResponse;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.audit.ListProviderAuditQuery;
import dev.billingportal.application.port.in.audit.ProviderAuditFilter;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.domain.access.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

/** The provider's audit (spec §11): what the provider's side did, filtered, newest first. */
@ApplicationScoped
@Path("/operator/audit-events")
@OperatorEndpoint(Permission.READ_ACCOUNTS)
@Tag(name = "Operator: audit")
@SecurityRequirement(name = "operatorToken")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderAuditResource {
    @Inject
    ListProviderAuditQuery audit;
    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "listProviderAuditEvents",
            description = "Every operator action, API-key call that changes something, sign-in (with the factor "
                    + "used), enrolment, reset, key and role change: who (kind, id, name), what, when, on which "
                    + "account, why. Filters: operatorId (who acted: an operator's or a key's id), accountId, action, "
                    + "from and to (an instant, or a date meaning that whole UTC day). Newest first; follow "
                    + "nextCursor.",
            summary = "The provider's audit, newest first")
    @APIResponse(responseCode = "200", description = "A page of the provider's audit",
            content = @Content(schema = @Schema(implementation = AuditEventResponse.PageResponse.class)))
    @APIResponse(responseCode = "400", description = "A filter is not valid")
    public Response list(@QueryParam("operatorId") String operatorId, @QueryParam("accountId") String accountId,
                         @QueryParam("action") String action, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor) {
        AuditLog.ProviderFilter filter = ProviderAuditFilter.of(operatorId, accountId, action, from, to);
        return JsonResponses.ok(AuditEventResponse.PageResponse.of(audit.list(caller.actor(), filter,
                PageRequest.of(limit, cursor))));
    }
}
