package dev.billingportal.adapter.in.rest.billing;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.billing.HistoryEntry;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.FilterOutputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * A history page's JSON, written field by field as it goes out: byte for byte what JSON-B writes for
 * {@link TransactionResponse.PageResponse} (fields in alphabetical order, absent values as {@code null}, the same
 * generator's escaping), without JSON-B's reflection or the whole body built as a string first. The API document
 * still describes the page by that record; HistoryPageJsonTest holds the two equal.
 */
final class HistoryPageJson implements StreamingOutput {
    /** Made once: {@code Json.createGenerator} looks its provider up on every call. */
    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    private final Page<HistoryEntry> page;

    HistoryPageJson(Page<HistoryEntry> page) {
        this.page = page;
    }

    @Override
    public void write(OutputStream output) {
        // Closing the generator returns its buffer; the response's stream stays the server's to close.
        try (JsonGenerator json = GENERATORS.createGenerator(new FilterOutputStream(output) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        })) {
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
    }

    private static void nullable(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }
}
