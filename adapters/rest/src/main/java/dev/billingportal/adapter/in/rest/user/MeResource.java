package dev.billingportal.adapter.in.rest.user;

import dev.billingportal.adapter.in.rest.access.PortalUserEndpoint;
import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.account.AccountResponse;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.application.port.in.user.GetCurrentUserQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
@Path("/me")
@Tag(name = "Signing in")
@SecurityRequirement(name = "sessionToken")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    @Inject
    GetCurrentUserQuery currentUser;
    @Inject
    CurrentCaller caller;

    @Schema(name = "Me")
    public record MeResponse(PortalUserResponse user, AccountResponse account) {
    }

    @GET
    @Operation(operationId = "getCurrentUser",
            description = "The portal user this session belongs to, with their account.",
            summary = "The signed-in user and their account")
    @APIResponse(responseCode = "200", description = "Who am I",
            content = @Content(schema = @Schema(implementation = MeResponse.class)))
    public Response me() {
        GetCurrentUserQuery.Me me = currentUser.me(caller.portalUser());
        return JsonResponses.ok(new MeResponse(PortalUserResponse.of(me.user()), AccountResponse.of(me.account())));
    }
}
