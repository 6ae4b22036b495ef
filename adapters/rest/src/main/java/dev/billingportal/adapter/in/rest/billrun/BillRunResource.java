package dev.billingportal.adapter.in.rest.billrun;

import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.adapter.in.rest.access.OperatorEndpoint;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.billrun.BillRunFile;
import dev.billingportal.application.port.in.billrun.BillRunsQuery;
import dev.billingportal.application.port.in.billrun.SubmitBillRunUseCase;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.billrun.BillRun;
import dev.billingportal.domain.billrun.BillRunId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The billing system sends a month's postings as one file (spec §14). */
@ApplicationScoped
@Path("/operator/bill-runs")
@OperatorEndpoint(Permission.POST_BILLING)
@Tag(name = "Operator: bill runs")
@SecurityRequirement(name = "operatorToken")
@Produces(MediaType.APPLICATION_JSON)
public class BillRunResource {
    static final String CSV_COLUMNS = "CSV (text/csv, UTF-8, RFC 4180): the first row names the columns, in any "
            + "order. Required: type, amount, idempotencyKey, and accountNumber or accountId. A transaction's own "
            + "columns: accountNumber, accountId, idempotencyKey, type, amount, currency, postedAt, reference, "
            + "description, invoiceId, and for an INVOICE invoiceNumber, issueDate, dueDate, periodStart, periodEnd. "
            + "An invoice's line items and taxes: lineDescription, lineQuantity, lineUnitPrice, lineAmount and "
            + "taxName, taxRate, taxAmount — one line item and at most one tax per row; an invoice of several line "
            + "items takes consecutive rows with the same idempotencyKey, the later rows leaving the transaction's "
            + "columns empty (or equal). An empty cell is a value left out. A line's number is its first row's, the "
            + "header being row 1.";

    @Inject
    SubmitBillRunUseCase submit;
    @Inject
    BillRunsQuery runs;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes({BillRunFiles.NDJSON, BillRunFiles.CSV})
    @Operation(operationId = "submitBillRun",
            description = "Sends a bill run's file: up to 100000 lines and 64 MiB, streamed. Every line is checked "
                    + "against the rules of a single posting and the accounts' state before anything is posted; a "
                    + "file with any bad line is REJECTED, its report naming each bad line's number, field and "
                    + "message, and posts nothing. Otherwise the run is POSTING: each line is posted exactly as if "
                    + "posted alone (sequence, running balance, notifications, webhooks), in file order per account; "
                    + "a line whose idempotencyKey was already posted with the same request is counted as replayed. "
                    + "NDJSON (application/x-ndjson): one transaction request per line, plus \"accountNumber\" or "
                    + "\"accountId\" and its own \"idempotencyKey\", e.g. {\"accountNumber\":\"ACC-000042\",\"idempotencyKey\":"
                    + "\"2026-11-PAY-981\",\"type\":\"PAYMENT\",\"amount\":\"50.00\"}. " + CSV_COLUMNS,
            summary = "Send a month's postings as one file; checked whole, then posted exactly once")
    @RequestBody(required = true, content = {
            // No example object here: the OpenAPI scanner reads one that starts with "{" as a single JSON value.
            @Content(mediaType = BillRunFiles.NDJSON, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = BillRunFiles.CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = "accountNumber,idempotencyKey,type,amount,"
                            + "reference\nACC-000042,2026-11-PAY-981,PAYMENT,50.00,PAY-981\n"))})
    @APIResponse(responseCode = "202", description = "Checked: POSTING (posted from now on) or REJECTED with its "
            + "report. Location names the run.",
            content = @Content(schema = @Schema(implementation = BillRunResponse.class)))
    @APIResponse(responseCode = "413", description = "More than 64 MiB or 100000 lines; the run is FAILED, nothing "
            + "posted")
    @APIResponse(responseCode = "415", description = "Neither application/x-ndjson nor text/csv")
    public Response submit(InputStream body, @Context HttpHeaders headers, @Context UriInfo uri) {
        MediaType type = headers.getMediaType();
        if (type == null) {
            throw new NotSupportedException(); // no Content-Type: JAX-RS lets it through @Consumes
        }
        BillRunFile.Format format = type.isCompatible(MediaType.valueOf(BillRunFiles.CSV))
                ? BillRunFile.Format.CSV : BillRunFile.Format.NDJSON;
        BillRun run = submit.submit(caller.actor(), new BillRunFile(body, format));
        return JsonResponses.status(Response.Status.ACCEPTED, BillRunResponse.of(run))
                .location(uri.getAbsolutePathBuilder().path(run.id().toString()).build())
                .build();
    }

    @GET
    @Operation(operationId = "listBillRuns", description = "The bill runs, newest first, in keyset pages.",
            summary = "Bill runs, newest first; follow nextCursor")
    @APIResponse(responseCode = "200", description = "A page of bill runs",
            content = @Content(schema = @Schema(implementation = BillRunResponse.PageResponse.class)))
    public Response list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return JsonResponses.ok(BillRunResponse.PageResponse.of(runs.list(caller.actor(),
                PageRequest.of(limit, cursor))));
    }

    @GET
    @Path("/{billRunId}")
    @Operation(operationId = "getBillRun", description = "A bill run's status, counts and report; poll it while the "
            + "run is VALIDATING or POSTING.", summary = "One bill run")
    @APIResponse(responseCode = "200", description = "The bill run",
            content = @Content(schema = @Schema(implementation = BillRunResponse.class)))
    public Response get(@PathParam("billRunId") String billRunId) {
        return JsonResponses.ok(BillRunResponse.of(runs.find(caller.actor(),
                new BillRunId(PathIds.uuid(billRunId, "The bill run")))));
    }
}
