package dev.billingportal.application.service.access;

import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.failure.InvalidToken;
import java.util.regex.Pattern;

/** A token from a link must look like one we issue before it is even looked up. */
final class OneTimeTokenFormat {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{32,128}");

    private OneTimeTokenFormat() {
    }

    static String hashOf(String token) {
        if (token == null || !FORMAT.matcher(token).matches()) {
            throw new InvalidToken();
        }
        return SecretTokens.hash(token);
    }
}
