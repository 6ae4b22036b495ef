package dev.billingportal.adapter.in.rest.webhook;

import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.adapter.in.rest.access.OperatorEndpoint;
import dev.billingportal.adapter.in.rest.problem.Problem;
import dev.billingportal.application.port.in.webhook.ManageWebhookEndpointsUseCase;
import dev.billingportal.application.port.in.webhook.WebhookEndpointsQuery;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.account.AccountId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The provider's webhook endpoints, which receive every account's events; its administrators' (spec §13). */
@ApplicationScoped
@Path("/operator/webhook-endpoints")
@OperatorEndpoint(Permission.ADMINISTER)
@Tag(name = "Operator: webhooks")
@SecurityRequirement(name = "operatorToken")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorWebhookEndpointResource {
    @Inject
    ManageWebhookEndpointsUseCase manage;
    @Inject
    WebhookEndpointsQuery query;
    @Inject
    CurrentCaller caller;
    private WebhookEndpointApi api;

    @PostConstruct
    void init() {
        api = new WebhookEndpointApi(manage, query);
    }

    @GET
    @Operation(operationId = "operatorListWebhookEndpoints", summary = "The provider's webhook endpoints",
            description = "Every endpoint, oldest first; never a secret.")
    @APIResponse(responseCode = "200", description = "The endpoints",
            content = @Content(schema = @Schema(implementation = WebhookEndpointResponse.ListResponse.class)))
    public Response list() {
        return api.list(caller.actor(), PROVIDER);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "operatorCreateWebhookEndpoint",
            summary = "Add a webhook endpoint (its secret shown once)",
            description = "Adds an endpoint receiving the event types named (or [\"*\"] for all). Only https, "
                    + "except to hosts the installation lists as insecure; the host is resolved now and every "
                    + "address it answers must be allowed (not loopback, private, link-local, shared, reserved…), "
                    + "else 422 names why. At most 10. The signing secret is in this answer only.")
    @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = WebhookEndpointResource.EndpointBody.class),
            examples = @ExampleObject(name = "ledger", value = "{\"url\":\"https://erp.example.com/hooks/billing\","
                    + "\"description\":\"ERP ledger\",\"eventTypes\":[\"transaction.posted\"]}")))
    @APIResponse(responseCode = "201", description = "Added; the secret is shown this once",
            content = @Content(schema = @Schema(implementation = WebhookEndpointResponse.Created.class)))
    @APIResponse(responseCode = "409", description = "Another endpoint took the last place at the same moment")
    @APIResponse(responseCode = "422", description = "The URL's address is refused, or the limit is reached")
    public Response create(InputStream body, @Context UriInfo uri) {
        return api.create(caller.actor(), PROVIDER, body, uri);
    }

    @GET
    @Path("/{endpointId}")
    @Operation(operationId = "operatorGetWebhookEndpoint", summary = "A webhook endpoint",
            description = WebhookEndpointApi.GET_DOC)
    @APIResponse(responseCode = "200", description = "The endpoint",
            content = @Content(schema = @Schema(implementation = WebhookEndpointResponse.class)))
    public Response get(@PathParam("endpointId") String endpointId) {
        return api.get(caller.actor(), PROVIDER, endpointId);
    }

    @PATCH
    @Path("/{endpointId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "operatorUpdateWebhookEndpoint", summary = "Change a webhook endpoint",
            description = WebhookEndpointApi.UPDATE_DOC)
    @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = WebhookEndpointResource.EndpointBody.class)))
    @APIResponse(responseCode = "200", description = "The endpoint as changed",
            content = @Content(schema = @Schema(implementation = WebhookEndpointResponse.class)))
    @APIResponse(responseCode = "422", description = "The URL's address is refused")
    public Response update(@PathParam("endpointId") String endpointId, InputStream body) {
        return api.update(caller.actor(), PROVIDER, endpointId, body);
    }

    @DELETE
    @Path("/{endpointId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE_NAME})
    @Operation(operationId = "operatorDeleteWebhookEndpoint",
            summary = "Remove a webhook endpoint and its delivery log",
            description = WebhookEndpointApi.DELETE_DOC)
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("endpointId") String endpointId) {
        return api.delete(caller.actor(), PROVIDER, endpointId);
    }

    @POST
    @Path("/{endpointId}/secret-rotation")
    @Operation(operationId = "operatorRotateWebhookSecret", summary = "A new signing secret (shown once)",
            description = WebhookEndpointApi.ROTATE_DOC)
    @APIResponse(responseCode = "200", description = "The new secret, shown this once",
            content = @Content(schema = @Schema(implementation = WebhookEndpointResponse.Secret.class)))
    public Response rotate(@PathParam("endpointId") String endpointId) {
        return api.rotate(caller.actor(), PROVIDER, endpointId);
    }

    @POST
    @Path("/{endpointId}/test")
    @Operation(operationId = "operatorSendWebhookTestEvent", summary = "Send a test event",
            description = WebhookEndpointApi.TEST_DOC)
    @APIResponse(responseCode = "202", description = "Queued; follow it in the delivery log",
            content = @Content(schema = @Schema(implementation = WebhookMessageResponse.class)))
    public Response test(@PathParam("endpointId") String endpointId) {
        return api.test(caller.actor(), PROVIDER, endpointId);
    }

    @GET
    @Path("/{endpointId}/messages")
    @Operation(operationId = "operatorListWebhookMessages", summary = "The delivery log, newest first",
            description = WebhookEndpointApi.MESSAGES_DOC)
    @APIResponse(responseCode = "200", description = "A page of messages",
            content = @Content(schema = @Schema(implementation = WebhookMessageResponse.PageResponse.class)))
    public Response messages(@PathParam("endpointId") String endpointId,
                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return api.messages(caller.actor(), PROVIDER, endpointId, limit, cursor);
    }

    @GET
    @Path("/{endpointId}/messages/{messageId}")
    @Operation(operationId = "operatorGetWebhookMessage", summary = "A message, its body and its attempts",
            description = WebhookEndpointApi.MESSAGE_DOC)
    @APIResponse(responseCode = "200", description = "The message",
            content = @Content(schema = @Schema(implementation = WebhookMessageResponse.Detail.class)))
    public Response message(@PathParam("endpointId") String endpointId,
                            @PathParam("messageId") String messageId) {
        return api.message(caller.actor(), PROVIDER, endpointId, messageId);
    }

    @POST
    @Path("/{endpointId}/messages/{messageId}/resend")
    @Operation(operationId = "operatorResendWebhookMessage", summary = "Resend a message",
            description = WebhookEndpointApi.RESEND_DOC)
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(schema = @Schema(implementation = WebhookMessageResponse.class)))
    @APIResponse(responseCode = "422", description = "The endpoint is off")
    public Response resend(@PathParam("endpointId") String endpointId,
                           @PathParam("messageId") String messageId) {
        return api.resend(caller.actor(), PROVIDER, endpointId, messageId);
    }

    /** The provider's endpoints have no account. */
    private static final Optional<AccountId> PROVIDER = Optional.empty();
}
