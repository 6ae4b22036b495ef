package dev.billingportal.adapter.in.web.view;

import java.util.List;

/**
 * Which of the web adapter's two sites a page belongs to — the customers' portal (spec §9) or the provider's console
 * (§12) — and what their shared frame shows for it: the name and colour of the header, where home and sign-in are,
 * the navigation, the entries of the signed-in visitor's menu, and where its language and sign-out forms post.
 *
 * @param nameKey     the text key of the site's name, in the header and the window title
 * @param theme       the header's modifier class ({@code site-header--console}): the console never looks like the portal
 * @param backHomeKey the text key of the way back home from a page that only says something
 * @param footerKey   the text key of the footer's sentence, which names the support contact ({@code {0}})
 */
public record Site(String nameKey, String theme, String home, String backHomeKey, String signIn, List<Link> nav,
                   List<Link> menu, String languageAction, String signOutAction, String footerKey) {

    /** A navigation or menu entry; {@code id} is what a page names to be marked as the current one. */
    public record Link(String id, String href, String labelKey) {
    }

    public Site {
        nav = List.copyOf(nav);
        menu = List.copyOf(menu);
    }

    /** The customers' portal: the four pages of §9's header, and "Manage Users" and "Webhooks" in the menu. */
    public static final Site PORTAL = new Site("product.name", "portal", "/", "error.backToDashboard", "/sign-in",
            List.of(new Link("dashboard", "/", "nav.dashboard"),
                    new Link("invoices", "/invoices", "nav.invoices"),
                    new Link("transactions", "/transactions", "nav.transactions"),
                    new Link("notifications", "/notifications", "nav.notifications")),
            List.of(new Link("users", "/users", "menu.users"), new Link("webhooks", "/webhooks", "menu.webhooks")),
            "/language", "/sign-out", "footer.support");
}
