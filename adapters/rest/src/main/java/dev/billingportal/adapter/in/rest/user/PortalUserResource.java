package dev.billingportal.adapter.in.rest.user;

import dev.billingportal.adapter.in.rest.problem.Problem;
import dev.billingportal.adapter.in.rest.access.PortalUserEndpoint;
import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.request.JsonBodies;
import dev.billingportal.adapter.in.rest.request.JsonFields;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.adapter.in.rest.request.Versions;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.application.port.in.user.AddPortalUserCommand;
import dev.billingportal.application.port.in.user.AddPortalUserUseCase;
import dev.billingportal.application.port.in.user.DeletePortalUserUseCase;
import dev.billingportal.application.port.in.user.EditPortalUserCommand;
import dev.billingportal.application.port.in.user.EditPortalUserUseCase;
import dev.billingportal.application.port.in.user.GetPortalUserQuery;
import dev.billingportal.application.port.in.user.ListPortalUsersQuery;
import dev.billingportal.application.port.in.user.PortalUserCommand;
import dev.billingportal.application.port.in.user.ReinvitePortalUserUseCase;
import dev.billingportal.domain.user.PortalUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

/** Manage Users (spec §3): every portal user of an account may list, add, edit and delete its users. */
@ApplicationScoped
@PortalUserEndpoint
@Path("/accounts/{accountId}/users")
@Tag(name = "Manage users")
@SecurityRequirement(name = "sessionToken")
@Produces(MediaType.APPLICATION_JSON)
public class PortalUserResource {
    @Inject
    ListPortalUsersQuery listUsers;
    @Inject
    GetPortalUserQuery getUser;
    @Inject
    AddPortalUserUseCase addUser;
    @Inject
    EditPortalUserUseCase editUser;
    @Inject
    DeletePortalUserUseCase deleteUser;
    @Inject
    ReinvitePortalUserUseCase reinviteUser;
    @Inject
    CurrentCaller caller;

    @GET
    @Operation(operationId = "listPortalUsers",
            description = "The Manage Users list of the caller's account: every invited and active user, oldest "
                    + "first, keyset-paginated.",
            summary = "The account's users (deleted users are not listed)")
    @APIResponse(responseCode = "200", description = "The users",
            content = @Content(schema = @Schema(implementation = UsersResponse.class)))
    public Response list(@PathParam("accountId") String accountId) {
        return JsonResponses.ok(UsersResponse.of(listUsers.list(caller.actor(), PathIds.account(accountId), false)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addPortalUser",
            description = "Adds a portal user to the caller's account. The user is INVITED and receives an "
                    + "invitation e-mail with a link valid for 7 days; the account's users with billing notifications on "
                    + "are told.",
            summary = "Add a user; they are invited by e-mail")
    @RequestBody(required = true, content = @Content(schema = @Schema(
            implementation = dev.billingportal.adapter.in.rest.account.CreateAccountRequest.NewPortalUserRequest.class),
            examples = @ExampleObject(name = "newUser", value = "{\"username\":\"bob@example.com\",\"firstName\":\"Bob\","
                    + "\"lastName\":\"Gagnon\",\"timeZone\":\"America/Montreal\",\"billingNotifications\":true,"
                    + "\"language\":\"fr-CA\"}")))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = PortalUserResponse.class)))
    @APIResponse(responseCode = "409", description = "The username already exists. Please use a different username.")
    public Response add(@PathParam("accountId") String accountId, InputStream body, @Context UriInfo uri) {
        JsonFields fields = JsonBodies.read(body).fields();
        PortalUser added = addUser.add(fields.command(() -> AddPortalUserCommand.of(caller.actor(),
                PathIds.account(accountId), PortalUserRequests.add(fields))));
        return JsonResponses.status(Response.Status.CREATED, PortalUserResponse.of(added))
                .location(uri.getAbsolutePathBuilder().path(added.id().toString()).build())
                .header(HttpHeaders.ETAG, Versions.etag(added.version()))
                .build();
    }

    @GET
    @Path("/{userId}")
    @Operation(operationId = "getPortalUser",
            description = "One portal user of the caller's account. The ETag carries the version to send back in "
                    + "If-Match when editing.",
            summary = "One user, with its version as ETag")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(schema = @Schema(implementation = PortalUserResponse.class)))
    public Response get(@PathParam("accountId") String accountId, @PathParam("userId") String userId) {
        PortalUser user = getUser.get(caller.actor(), PathIds.account(accountId), PathIds.user(userId));
        return withEtag(user, Response.Status.OK);
    }

    @PUT
    @Path("/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "editPortalUser",
            description = "Replaces the editable fields of a portal user (names, e-mail, time zone, billing "
                    + "notifications, language). If-Match must carry the ETag read before: a user changed by someone else "
                    + "in the meantime is not overwritten (412).",
            summary = "Edit a user; If-Match with the ETag guards against lost updates")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PortalUserRequests.EditRequest.class),
            examples = @ExampleObject(name = "edit", value = "{\"firstName\":\"Bob\",\"lastName\":\"Gagnon\",\"email\":\"bob@example.com\",\"timeZone\":\"America/Montreal\",\"billingNotifications\":false,\"language\":\"fr-CA\"}")))
    @APIResponse(responseCode = "200", description = "Edited",
            content = @Content(schema = @Schema(implementation = PortalUserResponse.class)))
    @APIResponse(responseCode = "412", description = "The user changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "The username cannot be changed")
    public Response edit(@PathParam("accountId") String accountId, @PathParam("userId") String userId,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, InputStream body) {
        JsonFields fields = JsonBodies.read(body).fields();
        PortalUser edited = editUser.edit(fields.command(() -> EditPortalUserCommand.of(caller.actor(),
                PathIds.account(accountId), PathIds.user(userId), Versions.ifMatch(ifMatch),
                PortalUserRequests.edit(fields))));
        return withEtag(edited, Response.Status.OK);
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE_NAME}) // no body: a client accepting only problems is served
    @Path("/{userId}")
    @Operation(operationId = "deletePortalUser",
            description = "Deletes a portal user of the caller's account (never the caller): their sessions end at "
                    + "once and the account's users are told. The provider's billing team can restore them.",
            summary = "Delete a user (not oneself); support can restore them")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "You cannot delete your own Billing Portal user.")
    public Response delete(@PathParam("accountId") String accountId, @PathParam("userId") String userId) {
        deleteUser.delete(new PortalUserCommand(caller.actor(), PathIds.account(accountId), PathIds.user(userId)));
        return Response.noContent().build();
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE_NAME}) // no body: a client accepting only problems is served
    @Path("/{userId}/invitation")
    @Operation(operationId = "reinvitePortalUser",
            description = "Sends an INVITED user a new invitation e-mail; the link of the previous one stops "
                    + "working.",
            summary = "Send an invited user a new invitation; the previous link stops working")
    @APIResponse(responseCode = "202", description = "A new invitation is on its way")
    @APIResponse(responseCode = "409", description = "The user has already accepted an invitation")
    public Response reinvite(@PathParam("accountId") String accountId, @PathParam("userId") String userId) {
        reinviteUser.reinvite(new PortalUserCommand(caller.actor(), PathIds.account(accountId), PathIds.user(userId)));
        return Response.accepted().build();
    }

    static Response withEtag(PortalUser user, Response.Status status) {
        return JsonResponses.status(status, PortalUserResponse.of(user))
                .header(HttpHeaders.ETAG, Versions.etag(user.version()))
                .build();
    }
}
