package dev.billingportal.application.service.paging;

import dev.billingportal.domain.failure.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque page cursors: the sort key of the last item of a page, base64url-encoded. Clients pass them back
 * unchanged; a cursor that does not decode is a 400 on {@code cursor}. Cursors are not secret: every query
 * is scoped to the caller's account anyway.
 */
public final class KeysetCursor {
    private static final String VERSION = "v1";
    private static final String SEPARATOR = "|";

    private KeysetCursor() {
    }

    public static String encode(String... parts) {
        String plain = VERSION + SEPARATOR + String.join(SEPARATOR, parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor's parts, of which there must be {@code count}. */
    public static List<String> decode(String cursor, int count) {
        List<String> parts = decode(cursor);
        if (parts.size() != count) {
            throw invalid();
        }
        return parts;
    }

    /** The cursor's parts, however many (a list walked both ways has cursors of two shapes). */
    public static List<String> decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(plain.split("\\|", -1));
            if (parts.size() < 2 || !parts.get(0).equals(VERSION)) {
                throw invalid();
            }
            return parts.subList(1, parts.size());
        } catch (IllegalArgumentException malformed) {
            throw invalid();
        }
    }

    public static InvalidInput invalid() {
        return InvalidInput.field("cursor", "is not a cursor this API issued");
    }
}
