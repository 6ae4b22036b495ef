package dev.billingportal.adapter.in.rest.request;

import dev.billingportal.domain.failure.VersionMismatch;
import java.util.Optional;

/** ETags carry a resource's version: {@code "3"}; {@code If-Match} names the version a client saw. */
public final class Versions {
    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header requires: empty for no header or {@code *}. A value that is not
     * one of our ETags can never match the current version.
     */
    public static Optional<Long> ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException notOurs) {
            throw new VersionMismatch();
        }
    }
}
