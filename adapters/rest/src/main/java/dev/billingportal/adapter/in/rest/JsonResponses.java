package dev.billingportal.adapter.in.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyOrderStrategy;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Writes response bodies with one JSON-B configuration: absent values as explicit {@code null} (every
 * field of the documented shape is present) and fields in alphabetical order, so output is stable.
 * Resources serialize here rather than through a JAX-RS provider so that the output never depends on
 * provider ranking.
 */
public final class JsonResponses {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withNullValues(true)
            .withPropertyOrderStrategy(PropertyOrderStrategy.LEXICOGRAPHICAL));

    private JsonResponses() {
    }

    public static String json(Object body) {
        return JSONB.toJson(body);
    }

    public static Response ok(Object body) {
        return Response.ok(json(body), MediaType.APPLICATION_JSON_TYPE).build();
    }

    public static Response.ResponseBuilder status(Response.Status status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json(body));
    }
}
