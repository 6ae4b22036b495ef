package dev.billingportal.domain.account;

import java.util.Objects;
import java.util.Optional;

/**
 * An account the console's search found (spec §12), and by what: its number, an invoice's number, a portal user's
 * username or e-mail address (a deleted user's too: the caller may be the one who was deleted), or its name.
 *
 * @param user the portal user who matched, by username, when the match is a user's
 */
public record AccountMatch(Account account, By by, Optional<MatchedUser> user) {

    /** What the text matched. */
    public enum By {
        ACCOUNT_NUMBER, INVOICE_NUMBER, USERNAME, EMAIL, NAME
    }

    /** The portal user a search found, and whether they are deleted (then only support can bring them back). */
    public record MatchedUser(String username, boolean deleted) {
        public MatchedUser {
            Objects.requireNonNull(username, "username");
        }
    }

    public AccountMatch {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(user, "user");
    }
}
