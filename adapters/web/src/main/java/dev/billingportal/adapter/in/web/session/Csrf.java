package dev.billingportal.adapter.in.web.session;

import dev.billingportal.domain.access.SecretTokens;
import java.util.regex.Pattern;

/** CSRF tokens: a session's is a hash of its token under a purpose of its own, so it reveals nothing of it. */
final class Csrf {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Csrf() {
    }

    static String forSession(String sessionToken) {
        return SecretTokens.hash("csrf|" + sessionToken);
    }

    static boolean wellFormed(String token) {
        return FORMAT.matcher(token).matches();
    }
}
