package dev.billingportal.adapter.in.rest.access;

import dev.billingportal.adapter.in.rest.problem.Problem;
import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.request.JsonBodies;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.adapter.in.rest.access.PublicEndpoint;
import dev.billingportal.application.port.in.access.AcceptInvitationUseCase;
import dev.billingportal.application.port.in.access.LogInUseCase;
import dev.billingportal.application.port.in.access.LogOutCommand;
import dev.billingportal.application.port.in.access.LogOutUseCase;
import dev.billingportal.application.port.in.access.RequestPasswordResetUseCase;
import dev.billingportal.application.port.in.access.ResetPasswordUseCase;
import dev.billingportal.application.port.in.access.SessionToken;
import dev.billingportal.domain.failure.AuthenticationFailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Signing in (spec §4): invitations, login and logout, password resets. */
@ApplicationScoped
@Path("/auth")
@Tag(name = "Signing in")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
    @Inject
    LogInUseCase logIn;
    @Inject
    LogOutUseCase logOut;
    @Inject
    AcceptInvitationUseCase acceptInvitation;
    @Inject
    RequestPasswordResetUseCase requestReset;
    @Inject
    ResetPasswordUseCase resetPassword;
    @Inject
    CurrentCaller caller;

    @POST
    @Path("/login")
    @PublicEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "logIn",
            description = "Exchanges a username and password for a bearer token that lasts 8 hours. After 5 failed "
                    + "attempts for one username within 15 minutes, further attempts get 429 for 15 minutes.",
            summary = "Sign in; the bearer token lasts 8 hours")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AuthRequests.LoginRequest.class),
            examples = @ExampleObject(name = "signIn", value = "{\"username\":\"alice@example.com\",\"password\":\"correct horse battery staple\"}")))
    @APIResponse(responseCode = "200", description = "Signed in",
            content = @Content(schema = @Schema(implementation = AuthRequests.TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "The same answer for every failure")
    @APIResponse(responseCode = "429", description = "Too many failed attempts for this username")
    public Response login(InputStream body) {
        SessionToken session = logIn.logIn(AuthRequests.login(JsonBodies.read(body).fields()));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.fromResponse(JsonResponses.ok(new AuthRequests.TokenResponse(session.token(), "Bearer",
                session.expiresIn().toSeconds()))).cacheControl(noStore).build();
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE_NAME}) // no body: a client accepting only problems is served
    @Path("/logout")
    @PortalUserEndpoint
    @SecurityRequirement(name = "sessionToken")
    @Operation(operationId = "logOut",
            description = "Ends the session whose token is presented; the token stops working at once.",
            summary = "End this session")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response logout() {
        logOut.logOut(new LogOutCommand(caller.portalUser(), caller.bearerToken().orElseThrow(AuthenticationFailed::new)));
        return Response.noContent().build();
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE_NAME}) // no body: a client accepting only problems is served
    @Path("/invitations/accept")
    @PublicEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acceptInvitation",
            description = "Completes an invitation: the token from the e-mail's link and a password of at least 12 "
                    + "characters. The user becomes ACTIVE and can sign in.",
            summary = "Accept an invitation: choose a password (at least 12 characters)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AuthRequests.SetPasswordRequest.class),
            examples = @ExampleObject(name = "invitation", value = "{\"token\":\"the token from the invitation link\",\"password\":\"correct horse battery staple\"}")))
    @APIResponse(responseCode = "204", description = "The user is active and can sign in")
    @APIResponse(responseCode = "400", description = "Invalid password, or a used, expired or unknown token")
    public Response acceptInvitation(InputStream body) {
        acceptInvitation.accept(AuthRequests.setPassword(JsonBodies.read(body).fields()));
        return Response.noContent().build();
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE_NAME}) // no body: a client accepting only problems is served
    @Path("/password-resets")
    @PublicEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestPasswordReset",
            description = "Sends an active user a password-reset link valid for one hour. The answer is the same "
                    + "whether the username exists or not, so it reveals nothing.",
            summary = "Ask for a password-reset e-mail; the answer is the same whether the user exists or not")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AuthRequests.ResetRequest.class),
            examples = @ExampleObject(name = "forgotten", value = "{\"username\":\"alice@example.com\"}")))
    @APIResponse(responseCode = "202", description = "If the user exists and is active, a link is on its way")
    public Response requestReset(InputStream body) {
        requestReset.request(AuthRequests.resetFor(JsonBodies.read(body).fields()));
        return Response.accepted().build();
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE_NAME}) // no body: a client accepting only problems is served
    @Path("/password-resets/confirm")
    @PublicEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resetPassword",
            description = "Sets a new password with the token of a reset link; every session of the user ends.",
            summary = "Set a new password with a reset link; every session of the user ends")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AuthRequests.SetPasswordRequest.class),
            examples = @ExampleObject(name = "reset", value = "{\"token\":\"the token from the reset link\",\"password\":\"a new long passphrase\"}")))
    @APIResponse(responseCode = "204", description = "The password is changed")
    @APIResponse(responseCode = "400", description = "Invalid password, or a used, expired or unknown token")
    public Response confirmReset(InputStream body) {
        resetPassword.reset(AuthRequests.setPassword(JsonBodies.read(body).fields()));
        return Response.noContent().build();
    }
}
