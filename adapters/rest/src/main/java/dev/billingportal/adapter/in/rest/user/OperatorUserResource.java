package dev.billingportal.adapter.in.rest.user;

import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.adapter.in.rest.access.OperatorEndpoint;
import dev.billingportal.adapter.in.rest.problem.Problem;
import dev.billingportal.adapter.in.rest.request.JsonBodies;
import dev.billingportal.adapter.in.rest.request.JsonFields;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.adapter.in.rest.request.QueryParams;
import dev.billingportal.adapter.in.rest.request.ReasonBody;
import dev.billingportal.application.port.in.user.EndPortalUserSessionsUseCase;
import dev.billingportal.application.port.in.user.ListPortalUsersQuery;
import dev.billingportal.application.port.in.user.PortalUserCommand;
import dev.billingportal.application.port.in.user.ReinvitePortalUserUseCase;
import dev.billingportal.application.port.in.user.RestorePortalUserUseCase;
import dev.billingportal.domain.access.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Support's view of an account's users, deleted ones included, and restoring them (spec §3 rule 6). */
@ApplicationScoped
@Path("/operator/accounts/{accountId}/users")
@OperatorEndpoint(Permission.READ_ACCOUNTS)
@Tag(name = "Operator: users")
@SecurityRequirement(name = "operatorToken")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorUserResource {
    @Inject
    ListPortalUsersQuery listUsers;
    @Inject
    RestorePortalUserUseCase restoreUser;
    @Inject
    ReinvitePortalUserUseCase reinviteUser;
    @Inject
    EndPortalUserSessionsUseCase endSessions;
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
    @OperatorEndpoint(Permission.ASSIST_CUSTOMERS)
    @Operation(operationId = "restorePortalUser",
            description = "Brings a deleted portal user back. A user who had chosen a password is ACTIVE again; one "
                    + "who never accepted the invitation is INVITED and sent a new one. The account's users are told.",
            summary = "Restore a deleted user: ACTIVE if they had a password, else INVITED with a new invitation")
    @APIResponse(responseCode = "200", description = "Restored",
            content = @Content(schema = @Schema(implementation = PortalUserResponse.class)))
    @APIResponse(responseCode = "409", description = "The user is not deleted")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReasonBody.class)))
    public Response restore(@PathParam("accountId") String accountId, @PathParam("userId") String userId,
                            InputStream body) {
        return PortalUserResource.withEtag(restoreUser.restore(command(accountId, userId, body)), Response.Status.OK);
    }

    @POST
    @Path("/{userId}/invitation")
    @OperatorEndpoint(Permission.ASSIST_CUSTOMERS)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE_NAME})
    @Operation(operationId = "reinvitePortalUserForOperator",
            description = "Sends an INVITED portal user a new invitation; the earlier link stops working.",
            summary = "Resend an invitation")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReasonBody.class)))
    @APIResponse(responseCode = "202", description = "A new invitation is on its way")
    @APIResponse(responseCode = "409", description = "The user is not INVITED")
    public Response reinvite(@PathParam("accountId") String accountId, @PathParam("userId") String userId,
                             InputStream body) {
        reinviteUser.reinvite(command(accountId, userId, body));
        return Response.accepted().build();
    }

    @DELETE
    @Path("/{userId}/sessions")
    @OperatorEndpoint(Permission.ASSIST_CUSTOMERS)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE_NAME})
    @Operation(operationId = "endPortalUserSessions",
            description = "Signs a portal user out everywhere at once (a lost laptop, someone leaving): every session "
                    + "of theirs, on the API and the web pages, ends.",
            summary = "End every session of a portal user")
    @APIResponse(responseCode = "204", description = "Their sessions are ended")
    public Response endSessions(@PathParam("accountId") String accountId, @PathParam("userId") String userId) {
        endSessions.endSessions(new PortalUserCommand(caller.actor(), PathIds.account(accountId),
                PathIds.user(userId)));
        return Response.noContent().build();
    }

    /** The user the path names, and the reason the body may give (spec §11: optional in the API). */
    private PortalUserCommand command(String accountId, String userId, InputStream body) {
        JsonFields fields = JsonBodies.readOptional(body).fields();
        return fields.command(() -> PortalUserCommand.of(caller.actor(), PathIds.account(accountId),
                PathIds.user(userId), fields.string("reason")));
    }
}
