package dev.billingportal.adapter.in.rest.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** JAX-RS's own errors (unknown path, wrong method or media type...) as problems too. */
@Provider
@ApplicationScoped
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException failure) {
        Response original = failure.getResponse();
        int status = original.getStatus();
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType == null ? "HTTP " + status : statusType.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "The requested media type cannot be produced here.";
            case 415 -> "The body's Content-Type is not one this endpoint takes: application/json, or for a bill run's "
                    + "file application/x-ndjson or text/csv.";
            default -> title + ".";
        };
        String code = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        Response.ResponseBuilder response = Problem.of(code, title, status, detail).response();
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }
}
