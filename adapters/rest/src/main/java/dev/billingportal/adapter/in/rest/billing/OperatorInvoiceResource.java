package dev.billingportal.adapter.in.rest.billing;

import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.adapter.in.rest.access.OperatorEndpoint;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.billing.GetInvoiceQuery;
import dev.billingportal.application.port.in.billing.ListInvoicesQuery;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.billing.InvoiceId;
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

/** An account's invoices as its customers see them, for the provider's billing team (spec §11). */
@ApplicationScoped
@Path("/operator/accounts/{accountId}/invoices")
@OperatorEndpoint(Permission.READ_ACCOUNTS)
@Tag(name = "Operator: accounts")
@SecurityRequirement(name = "operatorToken")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorInvoiceResource {
    @Inject
    ListInvoicesQuery listInvoices;
    @Inject
    GetInvoiceQuery getInvoice;
    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "listInvoicesForOperator", description = "An account's invoices, newest first, with "
            + "what is still owed on each; follow nextCursor.", summary = "An account's invoices")
    @APIResponse(responseCode = "200", description = "A page of invoices",
            content = @Content(schema = @Schema(implementation = InvoiceResponse.PageResponse.class)))
    public Response list(@PathParam("accountId") String accountId, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor) {
        return JsonResponses.ok(InvoiceResponse.PageResponse.of(
                listInvoices.list(caller.actor(), PathIds.account(accountId), PageRequest.of(limit, cursor))));
    }

    @GET
    @Path("/{invoiceId}")
    @Operation(operationId = "getInvoiceForOperator", description = "One invoice of an account with its lines, "
            + "taxes and the payments applied to it.", summary = "One invoice of an account")
    @APIResponse(responseCode = "200", description = "The invoice",
            content = @Content(schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "404", description = "No such invoice on this account")
    public Response get(@PathParam("accountId") String accountId, @PathParam("invoiceId") String invoiceId) {
        return JsonResponses.ok(InvoiceResponse.of(getInvoice.get(caller.actor(), PathIds.account(accountId),
                new InvoiceId(PathIds.uuid(invoiceId, "The invoice")))));
    }
}
