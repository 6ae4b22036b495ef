package archfixtures.undeclaredcallers.adapter.in.rest;

import archfixtures.undeclaredcallers.adapter.in.rest.access.OperatorEndpoint;
import archfixtures.undeclaredcallers.adapter.in.rest.access.PortalUserEndpoint;
import archfixtures.undeclaredcallers.adapter.in.rest.access.PublicEndpoint;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Breaks the rule: {@code cancel} says nothing of who may call it; {@code refund} says two things. */
@Path("/orders")
public class OrderResource {
    @GET
    @PortalUserEndpoint
    public String list() {
        return "[]";
    }

    @POST
    @Path("/{id}/cancel")
    public String cancel() {
        return "cancelled";
    }

    @DELETE
    @OperatorEndpoint("ADMINISTER")
    @PublicEndpoint
    public String refund() {
        return "refunded";
    }
}
