package dev.billingportal.adapter.in.rest.problem;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem: {@code type}, {@code title}, {@code status}, {@code detail}, and {@code errors} for fields. */
public record Problem(String code, String title, int status, String detail, List<FieldProblem> errors) {
    /** One invalid field, named as the API names it. */
    public record FieldProblem(String field, String message) {
    }

    public static final String MEDIA_TYPE_NAME = "application/problem+json";
    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");
    private static final String TYPE_PREFIX = "urn:billing-portal:problem:";
    /** Looked up once: {@code Json.createObjectBuilder} looks the provider up through ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(String code, String title, int status, String detail) {
        return new Problem(code, title, status, detail, List.of());
    }

    /** The problem's type URI; stable per kind of failure, so clients can branch on it. */
    public String type() {
        return TYPE_PREFIX + code;
    }

    public String toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", type())
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            errors.forEach(error -> list.add(JSON.createObjectBuilder()
                    .add("field", error.field())
                    .add("message", error.message())));
            json.add("errors", list);
        }
        return json.build().toString();
    }

    public Response.ResponseBuilder response() {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(toJson());
    }
}
