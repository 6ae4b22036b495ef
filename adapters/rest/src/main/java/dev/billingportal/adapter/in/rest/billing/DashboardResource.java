package dev.billingportal.adapter.in.rest.billing;

import dev.billingportal.adapter.in.rest.access.PortalUserEndpoint;
import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.account.AccountResponse;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.application.port.in.billing.GetDashboardQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
@Path("/accounts/{accountId}")
@Tag(name = "Billing")
@SecurityRequirement(name = "sessionToken")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {
    @Inject
    GetDashboardQuery dashboard;
    @Inject
    CurrentCaller caller;

    @Schema(name = "Dashboard", description = "balance = invoices + refunds - payments - credits (negative: credit)")
    public record DashboardResponse(AccountResponse account, @Schema(example = "63.00") String balance,
                                    String currency, InvoiceResponse lastInvoice, String amountOverdue) {
    }

    @GET
    @Operation(operationId = "getDashboard",
            description = "The account's balance, its latest invoice and the amount overdue, with the invoiced and "
                    + "paid totals of the last 12 months.",
            summary = "The account dashboard: balance, last invoice, amount overdue")
    @APIResponse(responseCode = "200", description = "The dashboard",
            content = @Content(schema = @Schema(implementation = DashboardResponse.class)))
    public Response get(@PathParam("accountId") String accountId) {
        GetDashboardQuery.Dashboard view = dashboard.get(caller.actor(), PathIds.account(accountId));
        return JsonResponses.ok(new DashboardResponse(AccountResponse.of(view.account()), view.balance().toString(),
                view.account().currency().value(), view.lastInvoice().map(InvoiceResponse::of).orElse(null),
                view.amountOverdue().toString()));
    }
}
