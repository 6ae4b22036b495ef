package archfixtures.readonlywrites.adapter.in.rest;

import archfixtures.readonlywrites.adapter.in.rest.access.OperatorEndpoint;
import archfixtures.readonlywrites.adapter.in.rest.access.Permission;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * Breaks the rule: {@code refund} changes something but inherits the class's permission to read; {@code cancel}
 * declares a permission of its own and is fine.
 */
@Path("/orders")
@OperatorEndpoint(Permission.READ_ACCOUNTS)
public class OrderResource {
    @GET
    public String list() {
        return "[]";
    }

    @POST
    @Path("/{id}/cancel")
    @OperatorEndpoint(Permission.ASSIST_CUSTOMERS)
    public String cancel() {
        return "cancelled";
    }

    @DELETE
    public String refund() {
        return "refunded";
    }
}
