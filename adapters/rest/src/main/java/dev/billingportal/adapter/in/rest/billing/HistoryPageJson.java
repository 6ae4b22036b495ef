package dev.billingportal.adapter.in.rest.billing;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.billing.HistoryEntry;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * A history page's JSON, written field by field by a streaming generator: byte for byte what JSON-B writes for
 * {@link TransactionResponse.PageResponse} (fields in alphabetical order, absent values as {@code null}, the same
 * generator's escaping), without JSON-B's reflection, its object tree or a string of the body. The API document
 * still describes the page by that record; HistoryPageJsonTest holds the two equal.
 *
 * <p>The page (at most 100 rows) is written into one buffer and handed over whole, its length known, as the JSON-B
 * string was: the response goes out as it did.
 */
final class HistoryPageJson {
    /** Made once: {@code Json.createGenerator} looks its provider up on every call. */
    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    private HistoryPageJson() {
    }

    /** The page's JSON, UTF-8. */
    static byte[] of(Page<HistoryEntry> page) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256 + 400 * page.items().size());
        try (JsonGenerator json = GENERATORS.createGenerator(body)) {
            json.writeStartObject().writeStartArray("items");
            for (HistoryEntry entry : page.items()) {
                json.writeStartObject()
                        .write("amount", entry.amount().toString())
                        .write("balanceAfter", entry.balanceAfter().toString())
                        .write("currency", entry.amount().currency().value());
                nullable(json, "description", entry.description());
                json.write("id", entry.id().value().toString());
                nullable(json, "invoiceId", entry.invoiceId() == null ? null : entry.invoiceId().value().toString());
                nullable(json, "invoiceNumber", entry.invoiceNumber());
                json.write("postedAt", entry.postedAt().toString());
                nullable(json, "reference", entry.reference());
                json.write("sequence", entry.sequence())
                        .write("type", entry.type().name())
                        .writeEnd();
            }
            json.writeEnd();
            nullable(json, "nextCursor", page.nextCursor().orElse(null));
            json.writeEnd();
        }
        return body.toByteArray();
    }

    private static void nullable(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }
}
