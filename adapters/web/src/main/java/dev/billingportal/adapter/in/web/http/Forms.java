package dev.billingportal.adapter.in.web.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a submitted form ({@code application/x-www-form-urlencoded}): what a browser sends without
 * JavaScript, and htmx too. Bodies are small — the portal's forms hold a few fields — so anything over
 * {@value #MAX_BYTES} bytes, or not UTF-8, is refused before any field is read.
 */
public final class Forms {
    public static final int MAX_BYTES = 64 * 1024;

    /** A body that is not a form the portal could have sent. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String why) {
            super(why, null, false, false);
        }
    }

    private final Map<String, List<String>> fields;

    private Forms(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    public static Forms read(InputStream body) {
        return parse(utf8(readAtMost(body)));
    }

    /** Fields read some other way (a multipart form's text fields), each name possibly repeated. */
    static Forms of(Map<String, List<String>> fields) {
        return new Forms(fields);
    }

    /** The fields of a query string or form body, each name possibly repeated. */
    public static Forms parse(String encoded) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (!encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return new Forms(fields);
    }

    /** The field's value, or empty when the form has no such field. */
    public Optional<String> first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The field's value as a command wants it: {@code null} when absent. */
    public String value(String name) {
        return first(name).orElse(null);
    }

    /** A checkbox: sent (with any value) when ticked, absent when not. */
    public boolean checked(String name) {
        return fields.containsKey(name);
    }

    public List<String> all(String name) {
        return List.copyOf(fields.getOrDefault(name, List.of()));
    }

    /** Percent-decoding to bytes first, so that an escaped byte that is not UTF-8 is refused, not replaced. */
    private static String decode(String part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= part.length()) {
                    throw new Unreadable("the form is not URL-encoded");
                }
                int high = Character.digit(part.charAt(i + 1), 16);
                int low = Character.digit(part.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new Unreadable("the form is not URL-encoded");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                int codePoint = part.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return utf8(bytes.toByteArray());
    }

    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new Unreadable("the form is not UTF-8");
        }
    }

    private static byte[] readAtMost(InputStream body) {
        try (InputStream in = body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw new Unreadable("the form is larger than " + MAX_BYTES + " bytes");
                }
            }
            return out.toByteArray();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
