package dev.billingportal.application.port.in.account;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountMatch;
import java.util.List;

public interface FindAccountsQuery {

    /** At most this many accounts answer one search: the operator narrows it down from there. */
    int LIMIT = 20;

    /**
     * The accounts one search box finds (spec §12): by account number, invoice number, a portal user's username or
     * e-mail address (deleted users too), or words of the name — the exact matches first. An operator or key that
     * may read accounts only; text of 1 to 200 characters, else {@code InvalidInput}.
     */
    List<AccountMatch> find(Actor caller, String text);
}
