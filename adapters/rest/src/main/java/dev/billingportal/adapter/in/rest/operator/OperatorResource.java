package dev.billingportal.adapter.in.rest.operator;

import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.adapter.in.rest.access.OperatorEndpoint;
import dev.billingportal.adapter.in.rest.problem.Problem;
import dev.billingportal.adapter.in.rest.request.JsonBodies;
import dev.billingportal.adapter.in.rest.request.JsonFields;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.adapter.in.rest.request.ReasonBody;
import dev.billingportal.application.port.in.operator.ChangeOperatorRoleCommand;
import dev.billingportal.application.port.in.operator.ChangeOperatorRoleUseCase;
import dev.billingportal.application.port.in.operator.DisableOperatorUseCase;
import dev.billingportal.application.port.in.operator.InviteOperatorCommand;
import dev.billingportal.application.port.in.operator.InviteOperatorUseCase;
import dev.billingportal.application.port.in.operator.ListOperatorsQuery;
import dev.billingportal.application.port.in.operator.OperatorCommand;
import dev.billingportal.application.port.in.operator.ReinviteOperatorUseCase;
import dev.billingportal.application.port.in.operator.ResetSecondFactorUseCase;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.operator.Operator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** The provider's operators (spec §11): administrators invite, re-role, disable and reset them. */
@ApplicationScoped
@Path("/operator/operators")
@OperatorEndpoint(Permission.ADMINISTER)
@Tag(name = "Operator: operators")
@SecurityRequirement(name = "operatorToken")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorResource {
    @Inject
    InviteOperatorUseCase invite;
    @Inject
    ListOperatorsQuery operators;
    @Inject
    ChangeOperatorRoleUseCase changeRole;
    @Inject
    DisableOperatorUseCase disable;
    @Inject
    ResetSecondFactorUseCase resetSecondFactor;
    @Inject
    ReinviteOperatorUseCase reinvite;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "inviteOperator",
            description = "Invites a person to the provider's console with a role; they are e-mailed a one-time link "
                    + "to choose a password, then enrol a second factor. Every active administrator is told.",
            summary = "Invite an operator")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = InviteBody.class),
            examples = @ExampleObject(name = "support", value = "{\"email\":\"sam@provider.example\","
                    + "\"name\":\"Sam Tremblay\",\"role\":\"support\",\"language\":\"fr-CA\"}")))
    @APIResponse(responseCode = "201", description = "Invited",
            content = @Content(schema = @Schema(implementation = OperatorResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "An operator with this e-mail address already exists")
    public Response invite(InputStream body, @Context UriInfo uri) {
        JsonFields fields = JsonBodies.read(body).fields();
        Operator invited = invite.invite(fields.command(() -> InviteOperatorCommand.of(caller.actor(),
                fields.string("email"), fields.string("name"), fields.string("role"), fields.string("language"),
                fields.string("timeZone"))));
        return JsonResponses.status(Response.Status.CREATED, OperatorResponse.of(invited))
                .location(uri.getAbsolutePathBuilder().path(invited.id().toString()).build())
                .build();
    }

    @GET
    @Operation(operationId = "listOperators", description = "Every operator, by e-mail address, disabled ones too.",
            summary = "The operators")
    @APIResponse(responseCode = "200", description = "The operators",
            content = @Content(schema = @Schema(implementation = OperatorResponse.ListResponse.class)))
    public Response list() {
        return JsonResponses.ok(OperatorResponse.ListResponse.of(operators.list(caller.actor())));
    }

    @GET
    @Path("/{operatorId}")
    @Operation(operationId = "getOperator", description = "One operator.", summary = "Read an operator")
    @APIResponse(responseCode = "200", description = "The operator",
            content = @Content(schema = @Schema(implementation = OperatorResponse.class)))
    @APIResponse(responseCode = "404", description = "No such operator")
    public Response get(@PathParam("operatorId") String operatorId) {
        return JsonResponses.ok(OperatorResponse.of(operators.get(caller.actor(), id(operatorId))));
    }

    @PUT
    @Path("/{operatorId}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeOperatorRole",
            description = "Gives an operator another role, with an optional reason kept in the audit. The last "
                    + "active administrator keeps the role. Every active administrator is told.",
            summary = "Change an operator's role")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RoleBody.class)))
    @APIResponse(responseCode = "200", description = "The operator with their new role",
            content = @Content(schema = @Schema(implementation = OperatorResponse.class)))
    @APIResponse(responseCode = "409", description = "The operator is disabled, or is the last active administrator")
    public Response changeRole(@PathParam("operatorId") String operatorId, InputStream body) {
        OperatorId operator = id(operatorId);
        JsonFields fields = JsonBodies.read(body).fields();
        return JsonResponses.ok(OperatorResponse.of(changeRole.changeRole(fields.command(
                () -> ChangeOperatorRoleCommand.of(caller.actor(), operator, fields.string("role"),
                        fields.string("reason"))))));
    }

    @POST
    @Path("/{operatorId}/disable")
    @Operation(operationId = "disableOperator",
            description = "Disables an operator: they cannot sign in and their sessions end at once. The last active "
                    + "administrator cannot be disabled. Every active administrator is told.",
            summary = "Disable an operator")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReasonBody.class)))
    @APIResponse(responseCode = "200", description = "Disabled",
            content = @Content(schema = @Schema(implementation = OperatorResponse.class)))
    @APIResponse(responseCode = "409", description = "The last active administrator")
    public Response disable(@PathParam("operatorId") String operatorId, InputStream body) {
        return JsonResponses.ok(OperatorResponse.of(disable.disable(command(operatorId, body))));
    }

    @POST
    @Path("/{operatorId}/second-factor-reset")
    @Operation(operationId = "resetOperatorSecondFactor",
            description = "Removes an operator's authenticator, recovery codes and passkeys and ends their sessions: "
                    + "at their next sign-in they enrol again. Every active administrator is told.",
            summary = "Reset an operator's second factor")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReasonBody.class)))
    @APIResponse(responseCode = "200", description = "Reset",
            content = @Content(schema = @Schema(implementation = OperatorResponse.class)))
    public Response resetSecondFactor(@PathParam("operatorId") String operatorId, InputStream body) {
        return JsonResponses.ok(OperatorResponse.of(resetSecondFactor.resetSecondFactor(command(operatorId, body))));
    }

    @POST
    @Path("/{operatorId}/invitation")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE_NAME})
    @Operation(operationId = "reinviteOperator",
            description = "Sends an INVITED operator a new invitation; the earlier link stops working.",
            summary = "Resend an operator's invitation")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReasonBody.class)))
    @APIResponse(responseCode = "202", description = "A new invitation is on its way")
    @APIResponse(responseCode = "409", description = "The operator is not INVITED")
    public Response reinvite(@PathParam("operatorId") String operatorId, InputStream body) {
        reinvite.reinvite(command(operatorId, body));
        return Response.accepted().build();
    }

    private OperatorCommand command(String operatorId, InputStream body) {
        OperatorId operator = id(operatorId);
        JsonFields fields = JsonBodies.readOptional(body).fields();
        return fields.command(() -> OperatorCommand.of(caller.actor(), operator, fields.string("reason")));
    }

    private static OperatorId id(String raw) {
        return new OperatorId(PathIds.uuid(raw, "The operator"));
    }

    @Schema(name = "InviteOperator")
    public record InviteBody(@Schema(required = true, example = "sam@provider.example") String email,
                             @Schema(required = true) String name,
                             @Schema(required = true, enumeration = {"support", "billing", "admin"}) String role,
                             @Schema(enumeration = {"en-CA", "fr-CA"}, defaultValue = "en-CA") String language,
                             @Schema(defaultValue = "America/Toronto") String timeZone) {
    }

    @Schema(name = "OperatorRoleChange")
    public record RoleBody(@Schema(required = true, enumeration = {"support", "billing", "admin"}) String role,
                           @Schema(minLength = 3, maxLength = 500) String reason) {
    }
}
