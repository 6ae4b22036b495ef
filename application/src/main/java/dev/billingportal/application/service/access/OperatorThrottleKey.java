package dev.billingportal.application.service.access;

import dev.billingportal.domain.access.SecretTokens;
import java.util.Locale;

/**
 * The sign-in throttle's key of an operator's address (spec §11: throttling as §4). Both steps count against it — a
 * wrong password and a wrong code alike — so a stolen password does not buy unlimited guesses at the code. The
 * address is hashed: operators' keys never meet portal usernames in the throttle table, whatever their length.
 */
final class OperatorThrottleKey {
    private OperatorThrottleKey() {
    }

    static String of(String typedEmail) {
        return "operator:" + SecretTokens.hash(typedEmail.strip().toLowerCase(Locale.ROOT));
    }
}
