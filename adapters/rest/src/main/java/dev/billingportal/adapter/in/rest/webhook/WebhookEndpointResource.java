package dev.billingportal.adapter.in.rest.webhook;

import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.adapter.in.rest.access.PortalUserEndpoint;
import dev.billingportal.adapter.in.rest.problem.Problem;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.application.port.in.webhook.ManageWebhookEndpointsUseCase;
import dev.billingportal.application.port.in.webhook.WebhookEndpointsQuery;
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

/** An account's webhook endpoints, managed by its portal users (spec §13). */
@ApplicationScoped
@Path("/accounts/{accountId}/webhook-endpoints")
@PortalUserEndpoint
@Tag(name = "Webhooks")
@SecurityRequirement(name = "sessionToken")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookEndpointResource {
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
    @Operation(operationId = "listWebhookEndpoints", summary = "The account's webhook endpoints",
            description = "Every endpoint, oldest first; never a secret.")
    @APIResponse(responseCode = "200", description = "The endpoints",
            content = @Content(schema = @Schema(implementation = WebhookEndpointResponse.ListResponse.class)))
    public Response list(@PathParam("accountId") String accountId) {
        return api.list(caller.actor(), owner(accountId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookEndpoint", summary = "Add a webhook endpoint (its secret shown once)",
            description = "Adds an endpoint receiving the event types named (or [\"*\"] for all). Only https, "
                    + "except to hosts the installation lists as insecure; the host is resolved now and every "
                    + "address it answers must be allowed (not loopback, private, link-local, shared, reserved…), "
                    + "else 422 names why. At most 10 per account. The signing secret is in this answer only.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EndpointBody.class),
            examples = @ExampleObject(name = "ledger", value = "{\"url\":\"https://erp.example.com/hooks/billing\","
                    + "\"description\":\"ERP ledger\",\"eventTypes\":[\"transaction.posted\"]}")))
    @APIResponse(responseCode = "201", description = "Added; the secret is shown this once",
            content = @Content(schema = @Schema(implementation = WebhookEndpointResponse.Created.class)))
    @APIResponse(responseCode = "409", description = "Another endpoint took the last place at the same moment")
    @APIResponse(responseCode = "422", description = "The URL's address is refused, or the limit is reached")
    public Response create(@PathParam("accountId") String accountId, InputStream body, @Context UriInfo uri) {
        return api.create(caller.actor(), owner(accountId), body, uri);
    }

    @GET
    @Path("/{endpointId}")
    @Operation(operationId = "getWebhookEndpoint", summary = "A webhook endpoint",
            description = WebhookEndpointApi.GET_DOC)
    @APIResponse(responseCode = "200", description = "The endpoint",
            content = @Content(schema = @Schema(implementation = WebhookEndpointResponse.class)))
    public Response get(@PathParam("accountId") String accountId, @PathParam("endpointId") String endpointId) {
        return api.get(caller.actor(), owner(accountId), endpointId);
    }

    @PATCH
    @Path("/{endpointId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateWebhookEndpoint", summary = "Change a webhook endpoint",
            description = WebhookEndpointApi.UPDATE_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EndpointBody.class)))
    @APIResponse(responseCode = "200", description = "The endpoint as changed",
            content = @Content(schema = @Schema(implementation = WebhookEndpointResponse.class)))
    @APIResponse(responseCode = "422", description = "The URL's address is refused")
    public Response update(@PathParam("accountId") String accountId, @PathParam("endpointId") String endpointId,
                           InputStream body) {
        return api.update(caller.actor(), owner(accountId), endpointId, body);
    }

    @DELETE
    @Path("/{endpointId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE_NAME})
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Remove a webhook endpoint and its delivery log",
            description = WebhookEndpointApi.DELETE_DOC)
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("accountId") String accountId, @PathParam("endpointId") String endpointId) {
        return api.delete(caller.actor(), owner(accountId), endpointId);
    }

    @POST
    @Path("/{endpointId}/secret-rotation")
    @Operation(operationId = "rotateWebhookSecret", summary = "A new signing secret (shown once)",
            description = WebhookEndpointApi.ROTATE_DOC)
    @APIResponse(responseCode = "200", description = "The new secret, shown this once",
            content = @Content(schema = @Schema(implementation = WebhookEndpointResponse.Secret.class)))
    public Response rotate(@PathParam("accountId") String accountId, @PathParam("endpointId") String endpointId) {
        return api.rotate(caller.actor(), owner(accountId), endpointId);
    }

    @POST
    @Path("/{endpointId}/test")
    @Operation(operationId = "sendWebhookTestEvent", summary = "Send a test event",
            description = WebhookEndpointApi.TEST_DOC)
    @APIResponse(responseCode = "202", description = "Queued; follow it in the delivery log",
            content = @Content(schema = @Schema(implementation = WebhookMessageResponse.class)))
    public Response test(@PathParam("accountId") String accountId, @PathParam("endpointId") String endpointId) {
        return api.test(caller.actor(), owner(accountId), endpointId);
    }

    @GET
    @Path("/{endpointId}/messages")
    @Operation(operationId = "listWebhookMessages", summary = "The delivery log, newest first",
            description = WebhookEndpointApi.MESSAGES_DOC)
    @APIResponse(responseCode = "200", description = "A page of messages",
            content = @Content(schema = @Schema(implementation = WebhookMessageResponse.PageResponse.class)))
    public Response messages(@PathParam("accountId") String accountId, @PathParam("endpointId") String endpointId,
                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return api.messages(caller.actor(), owner(accountId), endpointId, limit, cursor);
    }

    @GET
    @Path("/{endpointId}/messages/{messageId}")
    @Operation(operationId = "getWebhookMessage", summary = "A message, its body and its attempts",
            description = WebhookEndpointApi.MESSAGE_DOC)
    @APIResponse(responseCode = "200", description = "The message",
            content = @Content(schema = @Schema(implementation = WebhookMessageResponse.Detail.class)))
    public Response message(@PathParam("accountId") String accountId, @PathParam("endpointId") String endpointId,
                            @PathParam("messageId") String messageId) {
        return api.message(caller.actor(), owner(accountId), endpointId, messageId);
    }

    @POST
    @Path("/{endpointId}/messages/{messageId}/resend")
    @Operation(operationId = "resendWebhookMessage", summary = "Resend a message",
            description = WebhookEndpointApi.RESEND_DOC)
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(schema = @Schema(implementation = WebhookMessageResponse.class)))
    @APIResponse(responseCode = "422", description = "The endpoint is off")
    public Response resend(@PathParam("accountId") String accountId, @PathParam("endpointId") String endpointId,
                           @PathParam("messageId") String messageId) {
        return api.resend(caller.actor(), owner(accountId), endpointId, messageId);
    }

    @Schema(name = "WebhookEndpointInput", description = "On a change, a field left out stays as it is.")
    public record EndpointBody(@Schema(maxLength = 2000, example = "https://erp.example.com/hooks/billing") String url,
                               @Schema(maxLength = 200) String description,
                               @Schema(example = "[\"transaction.posted\", \"portal_user.deleted\"]")
                               java.util.List<String> eventTypes,
                               @Schema(defaultValue = "true") Boolean enabled) {
    }

    private static Optional<AccountId> owner(String accountId) {
        return Optional.of(PathIds.account(accountId));
    }
}
