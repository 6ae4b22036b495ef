package dev.billingportal.adapter.in.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.adapter.in.web.http.Assets;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.user.TimeZones;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The compiled templates render what the pages promise — checked with CSS selectors on the HTML, without a
 * browser: every user value escaped, no inline script or style, the controls' accessible names of spec §9.
 */
class TemplatesTest {
    private static final Assets ASSETS = Assets.load(CardLabels.stylesheets());
    private static final String HOSTILE = "<script>alert('x')</script>";
    private final Views views = new Views();

    private static Chrome chrome(Language language) {
        return new Chrome(Site.PORTAL, Texts.of(language), "Manage Users", Optional.of(new Chrome.Viewer("Zoë O'Brien",
                language)), "csrf-token", ASSETS, new Support("Acme \"support\"", Optional.of("help@example.com"),
                Optional.of("+1 555 0100")), "users");
    }

    private static UserRow row(String id, String first, boolean invited, boolean self) {
        return new UserRow(id, first.toLowerCase() + "@example.com", first, "Tremblay", "America/Toronto", !invited,
                invited, self, 3, Optional.empty());
    }

    private static String html(byte[] utf8) {
        return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Document users(Language language, List<UserRow> rows, Optional<UserRow> newRow) {
        return Jsoup.parse(html(views.render("users.jte", new UsersView(chrome(language), "Acme " + HOSTILE, rows,
                newRow, TimeZones.all(), Optional.empty(), Optional.empty()))));
    }

    /** The page's bytes (one growing buffer) are exactly the UTF-8 of the same page rendered as text. */
    @Test
    void aPageRendersToTheSameUtf8AsItsText() {
        List<UserRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) { // well past the buffer's first 32 KiB
            rows.add(row(String.valueOf(i), "Zoë\uD83D\uDE00" + i, i % 2 == 0, i == 0));
        }
        UsersView view = new UsersView(chrome(Language.FR_CA), "Acme é", rows, Optional.empty(), TimeZones.all(),
                Optional.empty(), Optional.empty());
        byte[] bytes = views.render("users.jte", view);
        assertTrue(bytes.length > 64 * 1024, "grew: " + bytes.length);
        assertEquals(views.render("users.jte", Map.of("view", view)), html(bytes));
        assertTrue(html(bytes).contains("Zoë\uD83D\uDE0042"));
    }

    @Test
    void everyUserValueIsEscapedAndNoScriptOrStyleIsInline() {
        String html = html(views.render("users.jte", new UsersView(chrome(Language.EN_CA), HOSTILE,
                List.of(row("1", HOSTILE, false, false)), Optional.empty(), TimeZones.all(), Optional.of(HOSTILE),
                Optional.empty())));
        Document page = Jsoup.parse(html);

        assertFalse(html.contains(HOSTILE), "escaped everywhere");
        assertEquals(HOSTILE, page.selectFirst("#status .notice").text());
        for (Element script : page.select("script")) {
            assertTrue(script.hasAttr("src") && script.attr("src").startsWith("/assets/"), script.outerHtml());
            assertEquals("", script.data());
        }
        assertTrue(page.select("style, [style], [onclick], [onload], [hx-on]").isEmpty(), "no inline style or handler");
        assertEquals("{\"X-CSRF-Token\":\"csrf-token\"}", page.body().attr("hx-headers"));
    }

    @Test
    void eachRowHasThePencilTheTrashCanButOnItsOwnRowAndResendForTheInvited() {
        Document page = users(Language.EN_CA, List.of(row("1", "Zoë", false, true), row("2", "Bob", true, false)),
                Optional.empty());

        Element self = page.getElementById("user-1");
        Element invited = page.getElementById("user-2");
        assertEquals("Edit Zoë Tremblay", self.selectFirst("a[href=/users/1/edit] .visually-hidden").text());
        assertTrue(self.select("a[data-delete]").isEmpty(), "no trash can on one's own row");
        assertEquals("Delete Bob Tremblay", invited.selectFirst("a[href=/users/2/delete] .visually-hidden").text());
        assertEquals("Resend invitation", invited.selectFirst("form[action=/users/2/invitation] button").text());
        assertTrue(self.select("form[action=/users/1/invitation]").isEmpty());
        assertEquals("Yes", self.selectFirst("td:nth-child(5) .visually-hidden").text(), "✔ has a text alternative");
        assertEquals("No", invited.selectFirst("td:nth-child(5) .visually-hidden").text());
        assertEquals("Invited", invited.selectFirst(".badge").text());
    }

    @Test
    void theInputRowLabelsEveryFieldKeepsWhatWasTypedAndNamesItsErrors() {
        UserForm typed = new UserForm(Map.of("username", "zoe@example.com", "firstName", HOSTILE, "timeZone",
                "America/St_Johns", "billingNotifications", "on"), Map.of("username", "taken!"), true);
        Document page = users(Language.FR_CA, List.of(), Optional.of(new UserRow(UserRow.NEW, "", "", "", "", false,
                false, false, 0, Optional.of(typed))));

        Element newRow = page.getElementById("user-new");
        for (Element input : newRow.select("input:not([type=hidden]), select")) {
            assertFalse(page.select("label[for=" + input.id() + "]").isEmpty(), "a label for " + input.id());
            assertEquals("user-form-new", input.attr("form"));
        }
        assertEquals(HOSTILE, newRow.selectFirst("input[name=firstName]").val());
        assertEquals("America/St_Johns", newRow.selectFirst("select[name=timeZone] option[selected]").text());
        assertTrue(newRow.selectFirst("input[name=billingNotifications]").hasAttr("checked"));
        Element username = newRow.selectFirst("input[name=username]");
        assertEquals("true", username.attr("aria-invalid"));
        assertEquals("taken!", page.getElementById(username.attr("aria-describedby")).text());
        assertEquals("Enregistrer", newRow.selectFirst("button[type=submit] .visually-hidden").text());
        assertEquals("Annuler", newRow.selectFirst("a.icon-button--cancel .visually-hidden").text());
        assertTrue(newRow.text().contains("Acme \"support\""), "support beside the duplicate-username message");
        assertEquals("fr-CA", page.selectFirst("html").attr("lang"));
        assertEquals("Nouvel utilisateur", page.getElementById("new-user-button").text());
    }

    @Test
    void theHeaderBearsTheUsersNameWithTheMenuAndTheFooterTheSupportContact() {
        Document page = users(Language.EN_CA, List.of(), Optional.empty());

        assertEquals("Zoë O'Brien", page.selectFirst("details.user-menu summary").text());
        assertEquals(List.of("Manage Users", "Webhooks", "Français", "Sign out"),
                page.select("details.user-menu li").eachText());
        assertEquals(List.of("Account Dashboard", "Invoices", "Transaction history", "Billing notifications"),
                page.select("nav.site-nav a").eachText());
        assertEquals("mailto:help@example.com", page.selectFirst("footer a").attr("href"));
        assertEquals("Deleting a user cannot be undone without assistance from Acme \"support\". "
                + "help@example.com +1 555 0100", page.getElementById("delete-dialog-text").text());
    }
}
