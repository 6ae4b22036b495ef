package dev.billingportal.adapter.in.web.billing;

import dev.billingportal.adapter.in.web.view.BillingPaths;
import dev.billingportal.adapter.in.web.view.Chrome;
import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;

/**
 * Whose billing a history or invoice page shows, to whom, and in which frame: a portal user reads their own account's
 * on the customers' portal, an operator any account's in the console. The pages are the same; the use cases decide
 * what the actor may read (another account's is a 404 for a portal user).
 */
public record AccountBilling(Actor actor, AccountId account, String accountNumber, String accountName, Texts t,
                             Formats formats, BillingPaths paths, Frames frames) {

    /** The site's chrome around a page: its title, and which of the site's entries it is under. */
    @FunctionalInterface
    public interface Frames {
        Chrome chrome(String title, String current);
    }

    Chrome chrome(String title, String current) {
        return frames.chrome(title, current);
    }
}
