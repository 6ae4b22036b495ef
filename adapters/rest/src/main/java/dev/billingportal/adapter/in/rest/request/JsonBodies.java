package dev.billingportal.adapter.in.rest.request;

import dev.billingportal.domain.failure.InputTooLarge;
import dev.billingportal.domain.failure.InvalidInput;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads JSON request bodies: UTF-8, at most 1 MiB (also when sent chunked, without a Content-Length),
 * and an object at the top. Anything else is a 4xx problem before the use case runs — never a 500.
 *
 * <p>Resources take the body as an {@link InputStream} and call {@link #read} themselves, rather than
 * leave the choice of reader to JAX-RS provider ranking: with a JSON-B provider present, Jersey picked
 * it over ours for the first request after startup.
 */
public final class JsonBodies {
    /** Looked up once: {@code Json.createReader} and friends look the provider up through ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    public static final long MAX_BYTES = 1024 * 1024;

    private JsonBodies() {
    }

    /** A body that may be left out: none at all reads as an empty object; anything else as {@link #read}. */
    public static JsonBody readOptional(InputStream entityStream) {
        PushbackInputStream stream = new PushbackInputStream(entityStream, 1);
        try {
            int first = stream.read();
            if (first < 0) {
                return new JsonBody(JsonValue.EMPTY_JSON_OBJECT);
            }
            stream.unread(first);
        } catch (IOException unreadable) {
            throw InvalidInput.field("body", "could not be read");
        }
        return read(stream);
    }

    public static JsonBody read(InputStream entityStream) {
        InputStreamReader utf8 = new InputStreamReader(new LimitedInputStream(entityStream, MAX_BYTES),
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        JsonValue value;
        try (JsonReader reader = JSON.createReader(utf8)) {
            value = reader.readValue();
        } catch (InputTooLarge tooLarge) {
            throw tooLarge;
        } catch (JsonParsingException malformed) {
            throw InvalidInput.field("body", "is not valid JSON (line " + malformed.getLocation().getLineNumber()
                    + ", column " + malformed.getLocation().getColumnNumber() + ")");
        } catch (JsonException unreadable) {
            if (causedBy(unreadable, InputTooLarge.class)) {
                throw new InputTooLarge(MAX_BYTES);
            }
            if (causedBy(unreadable, CharacterCodingException.class)) {
                throw InvalidInput.field("body", "is not valid UTF-8");
            }
            throw InvalidInput.field("body", "is missing or is not valid JSON");
        } catch (RuntimeException parserLimit) {
            // Parsson reports input nested deeper than its limit (1 000 levels) as a bare RuntimeException; found by
            // ApiFuzzIT, which got a 500 for it.
            throw InvalidInput.field("body", "is nested too deeply");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw InvalidInput.field("body", "must be a JSON object");
        }
        return new JsonBody(value.asJsonObject());
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
