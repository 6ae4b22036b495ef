package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.view.Site;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.access.Permission;
import java.util.ArrayList;
import java.util.List;

/**
 * The provider's console as the shared frame shows it (spec §12): its own name, "Billing Console", a header colour
 * of its own, and the pages an operator reaches from everywhere.
 */
final class ConsoleSite {
    static final String HOME = "/console";
    static final String SIGN_IN = "/console/sign-in";

    /** The pages every operator reaches from the header. */
    private static final List<Site.Link> EVERYONE = List.of(new Site.Link("search", HOME, "console.nav.search"),
            new Site.Link("notifications", NotificationsPage.PATH, "console.nav.notifications"),
            new Site.Link("audit", AuditPage.PATH, "console.nav.audit"));
    /** The billing team's and administrators' (spec §11: bill runs post). */
    private static final Site.Link BILL_RUNS = new Site.Link("bill-runs", BillRunsPage.PATH, "console.nav.billRuns");
    /** And an administrator's (spec §11: operators, API keys and the provider's webhooks are theirs only). */
    private static final List<Site.Link> ADMINISTRATORS = List.of(
            new Site.Link("operators", OperatorsPage.PATH, "console.nav.operators"),
            new Site.Link("api-keys", ApiKeysPage.PATH, "console.nav.keys"),
            new Site.Link("webhooks", Console.WEBHOOKS, "console.nav.webhooks"));
    private static final List<Site.Link> MENU = List.of(
            new Site.Link("profile", ProfilePage.PATH, "console.menu.profile"));

    /** The console's frame for a page before sign-in, or for the guard's own pages. */
    static final Site SITE = site(EVERYONE);

    private ConsoleSite() {
    }

    /** The frame of a signed-in operator's pages: a control their role may not use is not shown (spec §12). */
    static Site of(OperatorRole role) {
        if (!role.may(Permission.POST_BILLING) && !role.may(Permission.ADMINISTER)) {
            return SITE;
        }
        List<Site.Link> nav = new ArrayList<>(EVERYONE);
        if (role.may(Permission.POST_BILLING)) {
            nav.add(BILL_RUNS);
        }
        if (role.may(Permission.ADMINISTER)) {
            nav.addAll(ADMINISTRATORS);
        }
        return site(nav);
    }

    private static Site site(List<Site.Link> nav) {
        return new Site("console.name", "console", HOME, "console.backHome", SIGN_IN, nav, MENU, "/console/language",
                "/console/sign-out", "console.footer");
    }
}
