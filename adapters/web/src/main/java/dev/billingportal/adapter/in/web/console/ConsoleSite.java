package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.view.Site;
import java.util.List;

/**
 * The provider's console as the shared frame shows it (spec §12): its own name, "Billing Console", a header colour
 * of its own, and the pages an operator reaches from everywhere.
 */
final class ConsoleSite {
    static final String HOME = "/console";
    static final String SIGN_IN = "/console/sign-in";

    /** The console's frame for anyone: who may see which page is for each page to say, not for its header. */
    static final Site SITE = new Site("console.name", "console", HOME, "console.backHome", SIGN_IN,
            List.of(new Site.Link("search", HOME, "console.nav.search")),
            List.of(new Site.Link("profile", "/console/profile", "console.menu.profile")),
            "/console/language", "/console/sign-out", "console.footer");

    private ConsoleSite() {
    }
}
