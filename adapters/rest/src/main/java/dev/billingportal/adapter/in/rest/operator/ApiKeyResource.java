package dev.billingportal.adapter.in.rest.operator;

import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.adapter.in.rest.access.OperatorEndpoint;
import dev.billingportal.adapter.in.rest.problem.Problem;
import dev.billingportal.adapter.in.rest.request.JsonBodies;
import dev.billingportal.adapter.in.rest.request.JsonFields;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.application.port.in.apikey.ApiKeyCommand;
import dev.billingportal.application.port.in.apikey.CreateApiKeyCommand;
import dev.billingportal.application.port.in.apikey.CreateApiKeyUseCase;
import dev.billingportal.application.port.in.apikey.CreatedApiKey;
import dev.billingportal.application.port.in.apikey.ListApiKeysQuery;
import dev.billingportal.application.port.in.apikey.RevokeApiKeyUseCase;
import dev.billingportal.application.port.in.apikey.RotateApiKeyCommand;
import dev.billingportal.application.port.in.apikey.RotateApiKeyUseCase;
import dev.billingportal.domain.access.ApiKeyId;
import dev.billingportal.domain.access.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Integrations' named API keys (spec §11): created and rotated with the key shown once, listed, revoked. */
@ApplicationScoped
@Path("/operator/api-keys")
@OperatorEndpoint(Permission.ADMINISTER)
@Tag(name = "Operator: API keys")
@SecurityRequirement(name = "operatorToken")
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {
    /** An answer carrying a key is kept by no cache on the way. */
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    @Inject
    CreateApiKeyUseCase create;
    @Inject
    ListApiKeysQuery keys;
    @Inject
    RotateApiKeyUseCase rotate;
    @Inject
    RevokeApiKeyUseCase revoke;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey",
            description = "Creates a named key with a role for an integration. The key is in this answer only and "
                    + "is stored hashed. Every active administrator is told.",
            summary = "Create an API key (shown once)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateBody.class),
            examples = @ExampleObject(name = "billingSystem",
                    value = "{\"name\":\"Billing system\",\"role\":\"billing\"}")))
    @APIResponse(responseCode = "201", description = "Created; the key is shown this once",
            content = @Content(schema = @Schema(implementation = ApiKeyResponse.Created.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    public Response create(InputStream body, @Context UriInfo uri) {
        JsonFields fields = JsonBodies.read(body).fields();
        CreatedApiKey created = create.create(fields.command(() -> CreateApiKeyCommand.of(caller.actor(),
                fields.string("name"), fields.string("role"), fields.string("expiresAt"))));
        return JsonResponses.status(Response.Status.CREATED, ApiKeyResponse.Created.of(created))
                .location(uri.getAbsolutePathBuilder().path(created.key().id().toString()).build())
                .cacheControl(NO_STORE)
                .build();
    }

    @GET
    @Operation(operationId = "listApiKeys",
            description = "Every key, newest first, revoked and expired ones too, with when each was last used and "
                    + "who created it; never the keys themselves.",
            summary = "The API keys")
    @APIResponse(responseCode = "200", description = "The keys",
            content = @Content(schema = @Schema(implementation = ApiKeyResponse.ListResponse.class)))
    public Response list() {
        return JsonResponses.ok(ApiKeyResponse.ListResponse.of(keys.list(caller.actor())));
    }

    @POST
    @Path("/{keyId}/rotation")
    @Operation(operationId = "rotateApiKey",
            description = "Gives the key a new secret, shown in this answer only; the old one is still accepted until "
                    + "the grace ends (graceHours, default 24, at most 168; 0 ends it at once). Every active "
                    + "administrator is told.",
            summary = "Rotate an API key")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RotateBody.class)))
    @APIResponse(responseCode = "200", description = "The new key, shown this once",
            content = @Content(schema = @Schema(implementation = ApiKeyResponse.Created.class)))
    @APIResponse(responseCode = "404", description = "No such key")
    @APIResponse(responseCode = "409", description = "The key is revoked or expired")
    public Response rotate(@PathParam("keyId") String keyId, InputStream body) {
        ApiKeyId key = id(keyId);
        JsonFields fields = JsonBodies.readOptional(body).fields();
        CreatedApiKey rotated = rotate.rotate(fields.command(() -> RotateApiKeyCommand.of(caller.actor(), key,
                fields.integer("graceHours"))));
        return JsonResponses.status(Response.Status.OK, ApiKeyResponse.Created.of(rotated))
                .cacheControl(NO_STORE)
                .build();
    }

    @DELETE
    @Path("/{keyId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE_NAME})
    @Operation(operationId = "revokeApiKey",
            description = "Revokes the key at once: every secret of it stops working. Every active administrator is "
                    + "told.",
            summary = "Revoke an API key")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such key")
    public Response revoke(@PathParam("keyId") String keyId) {
        revoke.revoke(new ApiKeyCommand(caller.actor(), id(keyId)));
        return Response.noContent().build();
    }

    private static ApiKeyId id(String raw) {
        return new ApiKeyId(PathIds.uuid(raw, "The API key"));
    }

    @Schema(name = "CreateApiKey")
    public record CreateBody(@Schema(required = true, maxLength = 100) String name,
                             @Schema(required = true, enumeration = {"support", "billing", "admin"}) String role,
                             @Schema(description = "When it stops working, if ever") String expiresAt) {
    }

    @Schema(name = "RotateApiKey")
    public record RotateBody(@Schema(minimum = "0", maximum = "168", defaultValue = "24") Integer graceHours) {
    }
}
