package dev.billingportal.adapter.in.rest.billing;

import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.adapter.in.rest.access.OperatorEndpoint;
import dev.billingportal.adapter.in.rest.request.JsonBodies;
import dev.billingportal.adapter.in.rest.request.JsonFields;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.billing.GetTransactionQuery;
import dev.billingportal.application.port.in.billing.HistoryPageQuery;
import dev.billingportal.application.port.in.billing.PostTransactionCommand;
import dev.billingportal.application.port.in.billing.PostTransactionUseCase;
import dev.billingportal.application.port.in.billing.TransactionFilter;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The billing system posts transactions (spec §5). */
@ApplicationScoped
@Path("/operator/accounts/{accountId}/transactions")
@OperatorEndpoint(Permission.READ_ACCOUNTS)
@Tag(name = "Operator: transactions")
@SecurityRequirement(name = "operatorToken")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorTransactionResource {
    @Inject
    PostTransactionUseCase postTransaction;
    @Inject
    GetTransactionQuery getTransaction;
    @Inject
    HistoryPageQuery historyPages;
    @Inject
    CurrentCaller caller;

    @POST
    @OperatorEndpoint(Permission.POST_BILLING)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postTransaction",
            description = "Posts an invoice, payment, refund or credit to an account, in the account's currency. "
                    + "The amounts are checked to the cent; the account's balance and each transaction's balanceAfter "
                    + "follow. Idempotency-Key makes retries safe.",
            summary = "Post an invoice, payment, refund or credit; replaying the same Idempotency-Key returns "
            + "the original")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = true,
            description = "1-255 visible ASCII characters, unique per account and request")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TransactionRequests.Body.class),
            examples = @ExampleObject(name = "payment", value = "{\"type\":\"PAYMENT\",\"amount\":\"50.00\",\"currency\":\"CAD\",\"reference\":\"PAY-981\"}")))
    @APIResponse(responseCode = "201", description = "Posted",
            content = @Content(schema = @Schema(implementation = TransactionResponse.class)))
    @APIResponse(responseCode = "200", description = "Already posted with this key: the original transaction",
            content = @Content(schema = @Schema(implementation = TransactionResponse.class)))
    @APIResponse(responseCode = "422", description = "Arithmetic that does not add up, a foreign currency, or the key "
            + "reused for a different request")
    public Response post(@PathParam("accountId") String accountId,
                         @HeaderParam("Idempotency-Key") String idempotencyKey, InputStream body,
                         @Context UriInfo uri) {
        JsonFields fields = JsonBodies.read(body).fields();
        PostTransactionUseCase.Posted posted = postTransaction.post(fields.command(() -> PostTransactionCommand.of(
                caller.actor(), PathIds.account(accountId), idempotencyKey, TransactionRequests.read(fields),
                fields.string("reason"))));
        Transaction transaction = posted.transaction();
        Response.Status status = posted.replayed() ? Response.Status.OK : Response.Status.CREATED;
        return JsonResponses.status(status, TransactionResponse.of(transaction))
                .location(uri.getAbsolutePathBuilder().path(transaction.id().toString()).build())
                .build();
    }

    @GET
    @Operation(operationId = "listTransactionsForOperator",
            description = "An account's transaction history, newest first, filtered by type, dates (UTC days) and "
                    + "text, in keyset pages: what the customer sees, for the provider's billing team.",
            summary = "An account's history, newest first; follow nextCursor")
    @APIResponse(responseCode = "200", description = "A page of transactions",
            content = @Content(schema = @Schema(implementation = TransactionResponse.PageResponse.class)))
    public Response history(@PathParam("accountId") String accountId, @QueryParam("type") List<String> types,
                            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("q") String q,
                            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return HistoryPageJson.response(historyPages.page(caller.actor(), PathIds.account(accountId),
                TransactionFilter.of(types, from, to, q), PageRequest.of(limit, cursor)));
    }

    @GET
    @Path("/{transactionId}")
    @Operation(operationId = "getTransactionForOperator",
            description = "One posted transaction of an account, for the provider's billing team.",
            summary = "One posted transaction")
    @APIResponse(responseCode = "200", description = "The transaction",
            content = @Content(schema = @Schema(implementation = TransactionResponse.class)))
    public Response get(@PathParam("accountId") String accountId, @PathParam("transactionId") String transactionId) {
        return JsonResponses.ok(TransactionResponse.of(getTransaction.get(caller.actor(), PathIds.account(accountId),
                new TransactionId(PathIds.uuid(transactionId, "The transaction")))));
    }
}
