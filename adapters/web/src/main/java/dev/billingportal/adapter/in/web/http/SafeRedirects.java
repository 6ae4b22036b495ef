package dev.billingportal.adapter.in.web.http;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a signed-out visitor goes back to after signing in: a path on this portal, and nothing else. Anything that
 * a browser could read as another origin — {@code //evil.example}, {@code /\evil.example}, {@code https://…}, a
 * control character — is replaced by the dashboard, so the sign-in page is never an open redirect.
 */
public final class SafeRedirects {
    private static final Pattern SAFE = Pattern.compile("/(?![/\\\\])[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*");

    private SafeRedirects() {
    }

    /** The path and query of a URL (a {@code Referer}, htmx's {@code HX-Current-URL}), to pass to {@link #target}. */
    public static Optional<String> pathOf(String url) {
        try {
            URI uri = URI.create(url);
            String query = uri.getRawQuery();
            return Optional.ofNullable(uri.getRawPath()).map(path -> query == null ? path : path + "?" + query);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    public static String target(String requested) {
        return target(requested, "/");
    }

    /**
     * A path of this site to go back to after sign-in: {@code requested} if it is one of ours and lies under
     * {@code home} (the console sends nobody to the customers' pages), {@code home} otherwise.
     */
    public static String target(String requested, String home) {
        if (requested == null || requested.length() > 2048 || !SAFE.matcher(requested).matches()) {
            return home;
        }
        boolean under = home.equals("/") || requested.equals(home) || requested.startsWith(home + "/")
                || requested.startsWith(home + "?");
        return under ? requested : home;
    }
}
