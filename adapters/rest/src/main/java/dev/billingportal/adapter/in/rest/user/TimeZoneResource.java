package dev.billingportal.adapter.in.rest.user;

import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.access.PublicEndpoint;
import dev.billingportal.domain.user.TimeZones;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("/time-zones")
@PublicEndpoint
@Tag(name = "Manage users")
@Produces(MediaType.APPLICATION_JSON)
public class TimeZoneResource {

    @GET
    @Operation(operationId = "listTimeZones",
            description = "The time zones a portal user may have (IANA names such as America/Toronto), sorted; the "
                    + "pages and the API accept exactly these. Public: the invitation form needs them before sign-in.",
            summary = "The IANA time zones a portal user may choose")
    public Response list() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(86_400);
        return Response.fromResponse(JsonResponses.ok(TimeZones.all())).cacheControl(cache).build();
    }
}
