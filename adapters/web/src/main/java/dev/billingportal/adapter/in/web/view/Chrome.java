package dev.billingportal.adapter.in.web.view;

import dev.billingportal.adapter.in.web.http.Assets;
import dev.billingportal.domain.user.Language;
import java.util.Optional;

/**
 * What every page's frame needs: the site it belongs to, the texts in the reader's language, the page's title, who
 * is signed in (their name on the menu button), the CSRF token every form carries, the assets' URLs and the support
 * contact.
 *
 * @param current which navigation entry is this page ({@code dashboard}, {@code users}...), to mark it
 */
public record Chrome(Site site, Texts t, String title, Optional<Viewer> viewer, String csrf, Assets assets,
                     Support support, String current) {

    /** The signed-in user, as the header shows them. */
    public record Viewer(String fullName, Language language) {
    }

    public String lang() {
        return t.lang();
    }

    public boolean signedIn() {
        return viewer.isPresent();
    }

    public String asset(String name) {
        return assets.url(name);
    }

    /** The tables' card labels in the page's language ({@link CardLabels}). */
    public String labelsStylesheet() {
        return assets.url(CardLabels.stylesheetName(t.language()));
    }

    /** The htmx request header that carries the CSRF token, as JSON for {@code hx-headers}. */
    public String htmxHeaders() {
        return "{\"X-CSRF-Token\":\"" + csrf + "\"}";
    }

    public boolean isCurrent(String page) {
        return page.equals(current);
    }

    /** The same frame with another title (an error page keeps who is signed in, and where). */
    public Chrome titled(String otherTitle) {
        return new Chrome(site, t, otherTitle, viewer, csrf, assets, support, "");
    }
}
