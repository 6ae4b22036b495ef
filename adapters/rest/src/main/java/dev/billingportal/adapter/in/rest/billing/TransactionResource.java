package dev.billingportal.adapter.in.rest.billing;

import dev.billingportal.adapter.in.rest.access.PortalUserEndpoint;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.billing.ExportTransactionsQuery;
import dev.billingportal.application.port.in.billing.HistoryPageQuery;
import dev.billingportal.application.port.in.billing.TransactionFilter;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The account's transaction history (spec §5), as JSON pages or, with {@code Accept: text/csv}, all of it as CSV. */
@ApplicationScoped
@PortalUserEndpoint
@Path("/accounts/{accountId}/transactions")
@Tag(name = "Billing")
@SecurityRequirement(name = "sessionToken")
public class TransactionResource {
    static final MediaType CSV = new MediaType("text", "csv");

    @Inject
    HistoryPageQuery historyPages;
    @Inject
    ExportTransactionsQuery exportTransactions;
    @Inject
    CurrentCaller caller;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(operationId = "listTransactions",
            description = "The account's transaction history, newest first, filtered by type, dates (in the "
                    + "caller's time zone) and text, in keyset pages. With Accept: text/csv the whole filtered history is "
                    + "streamed as CSV.",
            summary = "History, newest first; filters by type, dates (in your time zone) and text; keyset pages "
            + "(follow nextCursor); Accept: text/csv streams the whole filtered history")
    @APIResponse(responseCode = "200", description = "A page of transactions, or CSV",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TransactionResponse.PageResponse.class)))
    public Response history(@PathParam("accountId") String accountId, @QueryParam("type") List<String> types,
                            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("q") String q,
                            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                            @Context HttpHeaders headers) {
        AccountId account = PathIds.account(accountId);
        TransactionFilter filter = TransactionFilter.of(types, from, to, q);
        if (prefersCsv(headers)) {
            return csv(caller.actor(), account, filter);
        }
        // Read and checked before the 200 starts: a bad cursor or filter is still a problem response.
        return HistoryPageJson.response(historyPages.page(caller.actor(), account, filter,
                PageRequest.of(limit, cursor)));
    }

    /** Streams the rows as they are read, batch after batch: memory stays flat whatever the history's length. */
    private Response csv(Actor actor, AccountId account, TransactionFilter filter) {
        exportTransactions.checkExport(actor, account, filter); // fail as a problem before the 200 starts
        StreamingOutput body = output -> exportTransactions.exportCsv(actor, account, filter, output);
        return Response.ok(body, CSV.withCharset(StandardCharsets.UTF_8.name()))
                .header("Content-Disposition", "attachment; filename=\"transactions-" + account + ".csv\"")
                .build();
    }

    /** text/csv if the client asks for it before (or instead of) JSON. */
    static boolean prefersCsv(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(CSV)) {
                return true;
            }
        }
        return false;
    }
}
