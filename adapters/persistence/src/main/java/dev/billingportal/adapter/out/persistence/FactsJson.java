package dev.billingportal.adapter.out.persistence;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;

/** A notification event's facts, stored as a flat JSON object of strings. */
final class FactsJson {
    /** Looked up once: {@code Json.createReader} and friends look the provider up through ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private FactsJson() {
    }

    static String write(Map<String, String> facts) {
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        new TreeMap<>(facts).forEach(builder::add);
        return builder.build().toString();
    }

    static Map<String, String> read(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            Map<String, String> facts = new TreeMap<>();
            object.forEach((name, value) -> facts.put(name, ((JsonString) value).getString()));
            return facts;
        }
    }
}
