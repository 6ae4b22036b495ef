package dev.billingportal.adapter.in.rest.billing;

import dev.billingportal.adapter.in.rest.access.PortalUserEndpoint;
import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.billing.GetInvoiceQuery;
import dev.billingportal.application.port.in.billing.InvoiceView;
import dev.billingportal.application.port.in.billing.ListInvoicesQuery;
import dev.billingportal.application.port.in.billing.RenderInvoiceQuery;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.InvoiceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
@Path("/accounts/{accountId}/invoices")
@Tag(name = "Billing")
@SecurityRequirement(name = "sessionToken")
public class InvoiceResource {
    static final MediaType PDF = new MediaType("application", "pdf");

    @Inject
    ListInvoicesQuery listInvoices;
    @Inject
    GetInvoiceQuery getInvoice;
    @Inject
    RenderInvoiceQuery renderInvoice;
    @Inject
    CurrentCaller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listInvoices",
            description = "The account's invoices, newest first, with what is still due on each, keyset-paginated.",
            summary = "The account's invoices, newest first")
    @APIResponse(responseCode = "200", description = "A page of invoices",
            content = @Content(schema = @Schema(implementation = InvoiceResponse.PageResponse.class)))
    public Response list(@PathParam("accountId") String accountId, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor) {
        return JsonResponses.ok(InvoiceResponse.PageResponse.of(
                listInvoices.list(caller.actor(), PathIds.account(accountId), PageRequest.of(limit, cursor))));
    }

    @GET
    @Path("/{invoiceId}")
    @Produces({MediaType.APPLICATION_JSON, "application/pdf"})
    @Operation(operationId = "getInvoice",
            description = "One invoice with its lines, taxes and the payments applied to it; Accept: "
                    + "application/pdf returns the invoice as a PDF in the caller's language.",
            summary = "One invoice; Accept: application/pdf for the PDF")
    @APIResponse(responseCode = "200", description = "The invoice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InvoiceResponse.class)))
    public Response get(@PathParam("accountId") String accountId, @PathParam("invoiceId") String invoiceId,
                        @Context HttpHeaders headers) {
        AccountId account = PathIds.account(accountId);
        InvoiceId id = new InvoiceId(PathIds.uuid(invoiceId, "The invoice"));
        if (prefersPdf(headers)) {
            InvoiceView view = getInvoice.get(caller.actor(), account, id);
            return Response.ok(renderInvoice.render(caller.actor(), account, id), PDF)
                    .header("Content-Disposition", "inline; filename=\"" + view.invoice().invoiceNumber() + ".pdf\"")
                    .build();
        }
        return JsonResponses.ok(InvoiceResponse.of(getInvoice.get(caller.actor(), account, id)));
    }

    private static boolean prefersPdf(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(PDF)) {
                return true;
            }
        }
        return false;
    }
}
