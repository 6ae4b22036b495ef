package dev.billingportal.domain.webhook;

import dev.billingportal.domain.failure.InvalidValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * An endpoint's address as registered (spec §13): {@code https} only — plain {@code http} only to a host the
 * installation lists in {@code portal.webhooks.insecure-hosts} —, a host, no user-info, no fragment, at most 2 000
 * characters. Where its host resolves to is checked apart ({@link AddressRules}), at registration and at every
 * attempt.
 */
public record WebhookUrl(URI uri, String host, int port) {
    static final int MAX_LENGTH = 2000;

    /**
     * Whether {@code text} is a URL at all (present, not too long, parsed, with a scheme): what is wrong with one that
     * is, {@link #parse} refuses by a rule (https only, no user-info…) rather than as malformed.
     */
    public static boolean wellFormed(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return false;
        }
        try {
            return new URI(text.strip()).getScheme() != null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    public static WebhookUrl parse(String text, Set<String> insecureHosts) {
        if (text == null || text.isBlank()) {
            throw new InvalidValue("is required");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidValue("is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException malformed) {
            throw new InvalidValue("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new InvalidValue("must not carry a user name or password");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new InvalidValue("has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidValue("must not have a fragment");
        }
        switch (scheme) {
            case "https" -> {
            }
            case "http" -> {
                if (!insecureHosts.contains(host)) {
                    throw new InvalidValue("must use https");
                }
            }
            default -> throw new InvalidValue("must use https");
        }
        return of(uri);
    }

    /**
     * The address as it may be shown in a mail, a page or the audit: scheme, host, port and path, without the query,
     * which a receiver may use to carry a token of its own.
     */
    public String shown() {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** A URL registered before, read back as it was accepted (the scheme's rule was checked at registration). */
    public static WebhookUrl stored(String text) {
        try {
            return of(new URI(text));
        } catch (URISyntaxException malformed) {
            throw new IllegalStateException("a stored webhook URL does not parse", malformed);
        }
    }

    private static WebhookUrl of(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        return new WebhookUrl(uri, host, uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80);
    }
}
