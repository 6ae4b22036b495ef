package dev.billingportal.adapter.in.rest.user;

import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.adapter.in.rest.request.QueryParams;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.adapter.in.rest.access.OperatorEndpoint;
import dev.billingportal.application.port.in.user.ListPortalUsersQuery;
import dev.billingportal.application.port.in.user.PortalUserCommand;
import dev.billingportal.application.port.in.user.RestorePortalUserUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** Support's view of an account's users, deleted ones included, and restoring them (spec §3 rule 6). */
@ApplicationScoped
@Path("/operator/accounts/{accountId}/users")
@OperatorEndpoint
@Tag(name = "Operator: users")
@SecurityRequirement(name = "operatorToken")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorUserResource {
    @Inject
    ListPortalUsersQuery listUsers;
    @Inject
    RestorePortalUserUseCase restoreUser;
    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "listAccountUsersForOperator",
            description = "Every portal user of an account, for the provider's billing team; deleted users are "
                    + "included on request so that they can be restored.",
            summary = "The account's users; with includeDeleted=true the deleted ones too")
    @APIResponse(responseCode = "200", description = "The users",
            content = @Content(schema = @Schema(implementation = UsersResponse.class)))
    public Response list(@PathParam("accountId") String accountId, @QueryParam("includeDeleted") String includeDeleted) {
        return JsonResponses.ok(UsersResponse.of(listUsers.list(caller.actor(), PathIds.account(accountId),
                QueryParams.flag("includeDeleted", includeDeleted))));
    }

    @POST
    @Path("/{userId}/restore")
    @Operation(operationId = "restorePortalUser",
            description = "Brings a deleted portal user back. A user who had chosen a password is ACTIVE again; one "
                    + "who never accepted the invitation is INVITED and sent a new one. The account's users are told.",
            summary = "Restore a deleted user: ACTIVE if they had a password, else INVITED with a new invitation")
    @APIResponse(responseCode = "200", description = "Restored",
            content = @Content(schema = @Schema(implementation = PortalUserResponse.class)))
    @APIResponse(responseCode = "409", description = "The user is not deleted")
    public Response restore(@PathParam("accountId") String accountId, @PathParam("userId") String userId) {
        return PortalUserResource.withEtag(restoreUser.restore(new PortalUserCommand(caller.actor(),
                PathIds.account(accountId), PathIds.user(userId))), Response.Status.OK);
    }
}
