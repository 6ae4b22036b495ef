package dev.billingportal.adapter.in.rest.request;

import dev.billingportal.domain.failure.FieldPath;
import java.util.Map;

/**
 * The API's names for the commands' fields, as problems name them: dotted, positions in brackets
 * ({@code invoice.lines[0].amount}). Most are the JSON field names already; a few of the core's fields arrive
 * elsewhere than in the body — a header, a query parameter — and are named as the client sent them.
 */
public final class FieldNames {
    private static final Map<String, String> ELSEWHERE = Map.of(
            "idempotencyKey", "Idempotency-Key",
            "text", "q",
            "types", "type");

    private FieldNames() {
    }

    public static String of(FieldPath path) {
        StringBuilder name = new StringBuilder();
        for (FieldPath.Step step : path.steps()) {
            switch (step) {
                case FieldPath.Name field -> {
                    String text = name.isEmpty() ? ELSEWHERE.getOrDefault(field.name(), field.name()) : field.name();
                    name.append(name.isEmpty() ? "" : ".").append(text);
                }
                case FieldPath.Index index -> name.append('[').append(index.index()).append(']');
            }
        }
        return name.toString();
    }
}
