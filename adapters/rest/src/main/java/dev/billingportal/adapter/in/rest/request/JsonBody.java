package dev.billingportal.adapter.in.rest.request;

import jakarta.json.JsonObject;

/**
 * A request body that parsed as a JSON object, at most {@link JsonBodies#MAX_BYTES} long.
 * Resources read their fields through {@link #fields()}, which names every bad field.
 */
public record JsonBody(JsonObject object) {
    public JsonFields fields() {
        return JsonFields.root(object);
    }
}
