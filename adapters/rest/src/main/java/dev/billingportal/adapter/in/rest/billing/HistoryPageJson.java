package dev.billingportal.adapter.in.rest.billing;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.billing.HistoryEntry;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * A history page's JSON, written field by field by Jackson's streaming generator: byte for byte what JSON-B writes for
 * {@link TransactionResponse.PageResponse} (fields in alphabetical order, absent values as {@code null}, the same
 * escaping), without JSON-B's reflection, its object tree or a string of the body. The API document still describes
 * the page by that record; HistoryPageJsonTest holds the two equal.
 *
 * <p>Jackson rather than JSON-P's generator: it encodes UTF-8 and escapes from lookup tables, and writes names encoded
 * once — the page's JSON cost more than its query with JSON-P's (docs/performance.md). Where the two differ, JSON-B's
 * rendering is kept: lower-case hexadecimal digits in escapes, '/' unescaped, and a lone surrogate written as '?'
 * (as Java's UTF-8 encoder writes it) rather than escaped.
 *
 * <p>The page (at most 100 rows) is written into one buffer and handed over whole, its length known.
 */
final class HistoryPageJson {
    /** Thread-safe and made once: it keeps the buffers its generators recycle. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .configure(JsonWriteFeature.WRITE_HEX_UPPER_CASE, false)
            .configure(JsonWriteFeature.ESCAPE_FORWARD_SLASHES, false)
            .configure(JsonWriteFeature.ESCAPE_NON_ASCII, false)
            .build();

    private static final SerializableString ITEMS = new SerializedString("items");
    private static final SerializableString AMOUNT = new SerializedString("amount");
    private static final SerializableString BALANCE_AFTER = new SerializedString("balanceAfter");
    private static final SerializableString CURRENCY = new SerializedString("currency");
    private static final SerializableString DESCRIPTION = new SerializedString("description");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString INVOICE_ID = new SerializedString("invoiceId");
    private static final SerializableString INVOICE_NUMBER = new SerializedString("invoiceNumber");
    private static final SerializableString POSTED_AT = new SerializedString("postedAt");
    private static final SerializableString REFERENCE = new SerializedString("reference");
    private static final SerializableString SEQUENCE = new SerializedString("sequence");
    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString NEXT_CURSOR = new SerializedString("nextCursor");

    private HistoryPageJson() {
    }

    /**
     * The page as a 200 response that states its length. Without it Jersey sends any body larger than its 8 KiB buffer
     * in chunks, and a page of 50 rows is about 20 KiB.
     */
    static Response response(Page<HistoryEntry> page) {
        byte[] body = of(page);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CONTENT_LENGTH, body.length)
                .build();
    }

    /** The page's JSON, UTF-8. */
    static byte[] of(Page<HistoryEntry> page) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256 + 400 * page.items().size());
        char[] instant = new char[IsoInstant.MAX_LENGTH];
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), body, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeName(ITEMS);
            json.writeStartArray();
            for (HistoryEntry entry : page.items()) {
                json.writeStartObject();
                text(json, AMOUNT, entry.amount().toString());
                text(json, BALANCE_AFTER, entry.balanceAfter().toString());
                text(json, CURRENCY, entry.amount().currency().value());
                text(json, DESCRIPTION, entry.description());
                text(json, ID, entry.id().value().toString());
                text(json, INVOICE_ID, entry.invoiceId() == null ? null : entry.invoiceId().value().toString());
                text(json, INVOICE_NUMBER, entry.invoiceNumber());
                json.writeName(POSTED_AT);
                json.writeString(instant, 0, IsoInstant.write(entry.postedAt(), instant));
                text(json, REFERENCE, entry.reference());
                json.writeName(SEQUENCE);
                json.writeNumber(entry.sequence());
                text(json, TYPE, entry.type().name());
                json.writeEndObject();
            }
            json.writeEndArray();
            text(json, NEXT_CURSOR, page.nextCursor().orElse(null));
            json.writeEndObject();
        }
        return body.toByteArray();
    }

    /** A text field, {@code null} when absent. */
    private static void text(JsonGenerator json, SerializableString name, String value) {
        json.writeName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(wellFormed(value));
        }
    }

    /**
     * {@code value} with each lone surrogate replaced by '?', as Java's UTF-8 encoder replaces it: JSON-B wrote the
     * page through that encoder, where Jackson would escape the surrogate. Text without surrogates is returned as is.
     */
    static String wellFormed(String value) {
        int length = value.length();
        int i = 0;
        while (i < length && !Character.isSurrogate(value.charAt(i))) {
            i++;
        }
        if (i == length) {
            return value;
        }
        StringBuilder replaced = new StringBuilder(length).append(value, 0, i);
        while (i < length) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                replaced.append(c).append(value.charAt(i + 1));
                i += 2;
            } else {
                replaced.append(Character.isSurrogate(c) ? '?' : c);
                i++;
            }
        }
        return replaced.toString();
    }
}
