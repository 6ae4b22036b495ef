package dev.billingportal.adapter.in.rest.account;

import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.access.CurrentCaller;
import dev.billingportal.adapter.in.rest.access.OperatorEndpoint;
import dev.billingportal.adapter.in.rest.request.JsonBodies;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.adapter.in.rest.user.PortalUserResponse;
import dev.billingportal.application.port.in.account.AccountCreated;
import dev.billingportal.application.port.in.account.CreateAccountUseCase;
import dev.billingportal.application.port.in.account.GetAccountQuery;
import dev.billingportal.domain.access.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** Operators open customer accounts (spec §2). */
@ApplicationScoped
@Path("/operator/accounts")
@OperatorEndpoint(Permission.READ_ACCOUNTS)
@Tag(name = "Operator: accounts")
@SecurityRequirement(name = "operatorToken")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorAccountResource {
    @Inject
    CreateAccountUseCase createAccount;
    @Inject
    GetAccountQuery getAccount;
    @Inject
    CurrentCaller caller;

    @POST
    @OperatorEndpoint(Permission.POST_BILLING)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAccount",
            description = "Opens a customer account with its first portal user, who is invited by e-mail. The "
                    + "account number is generated unless given.",
            summary = "Create an account and its first portal user, who is sent an invitation")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateAccountRequest.class),
            examples = @ExampleObject(name = "newAccount", value = "{\"name\":\"Tremblay Plomberie\",\"currency\":\"CAD\",\"firstUser\":{\"username\":\"alice@example.com\",\"firstName\":\"Alice\",\"lastName\":\"Tremblay\",\"timeZone\":\"America/Toronto\",\"billingNotifications\":true}}")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = AccountResponse.Created.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "The username or account number already exists")
    public Response create(InputStream body, @Context UriInfo uri) {
        AccountCreated created = createAccount.create(caller.actor(), CreateAccountRequest.read(JsonBodies.read(body).fields()));
        AccountResponse account = AccountResponse.of(created.account());
        return JsonResponses.status(Response.Status.CREATED, new AccountResponse.Created(account.id(),
                        account.accountNumber(), account.name(), account.currency(), account.createdAt(),
                        PortalUserResponse.of(created.firstUser())))
                .location(uri.getAbsolutePathBuilder().path(account.id().toString()).build())
                .build();
    }

    @GET
    @Path("/{accountId}")
    @Operation(operationId = "getAccount",
            description = "One customer account, for the provider's billing team.",
            summary = "Read an account")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(schema = @Schema(implementation = AccountResponse.class)))
    @APIResponse(responseCode = "404", description = "No such account")
    public Response get(@PathParam("accountId") String accountId) {
        return JsonResponses.ok(AccountResponse.of(getAccount.get(caller.actor(), PathIds.account(accountId))));
    }
}
