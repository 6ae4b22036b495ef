package dev.billingportal.adapter.in.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.adapter.in.web.http.Assets;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.user.TimeZones;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class CardLabelsTest {
    private static final Assets ASSETS = Assets.load(CardLabels.stylesheets());
    private final Views views = new Views();

    @Test
    void eachColumnGetsItsLabelInEachLanguage() {
        String french = CardLabels.stylesheet(Texts.of(Language.FR_CA));
        assertTrue(french.contains(".table--users td:nth-child(2) { --label: \"Prénom\"; }"), french);
        String english = CardLabels.stylesheet(Texts.of(Language.EN_CA));
        assertTrue(english.contains(".table--latest td:nth-child(5) { --label: \""
                + Texts.of(Language.EN_CA).get("transactions.balanceAfter") + "\"; }"), english);
    }

    @Test
    void aLabelCannotEndItsCssString() {
        assertEquals("\"say \\\"hi\\\" \\\\ \\A now\"", CardLabels.cssString("say \"hi\" \\ \nnow"));
    }

    @Test
    void theStylesheetsAreServedUnderTheirHashedNames() {
        String url = ASSETS.url(CardLabels.stylesheetName(Language.FR_CA));
        assertTrue(url.matches("/assets/labels-fr-CA\\.[0-9a-f]{10}\\.css"), url);
        Assets.Asset asset = ASSETS.find(url).orElseThrow();
        assertEquals("text/css; charset=utf-8", asset.mediaType());
        assertTrue(new String(asset.bytes(), StandardCharsets.UTF_8).contains("Prénom"));
    }

    /** A column added to a table's template without its label (or the other way round) fails here. */
    @Test
    void everyLabelledTableHasAsManyColumnsAsLabelsAndLinksItsLanguagesSheet() {
        Chrome chrome = new Chrome(Texts.of(Language.FR_CA), "t", Optional.of(new Chrome.Viewer("Zoë O'Brien",
                Language.FR_CA)), "csrf", ASSETS, new Support("Support", Optional.empty(), Optional.empty()), "users");
        Document users = Jsoup.parse(new String(views.render("users.jte", new UsersView(chrome, "Acme",
                List.of(new UserRow("1", "ann@example.com", "Ann", "Lee", "America/Toronto", true, false, true, 1,
                        Optional.empty())), Optional.empty(), TimeZones.all(), Optional.empty(), Optional.empty())),
                StandardCharsets.UTF_8));
        Document dashboard = Jsoup.parse(new String(views.render("dashboard.jte", new DashboardView(chrome, "Acme",
                "ACC-1", "0,00 $", false, "0,00 $", false, Optional.empty(), List.of(new DashboardView.TransactionLine(
                        "1 déc. 2026", "Paiement", "Merci", "10,00 $", "-10,00 $", true)))), StandardCharsets.UTF_8));
        for (Map.Entry<String, Document> page : Map.of("table--users", users, "table--latest", dashboard).entrySet()) {
            Element table = page.getValue().selectFirst("table." + page.getKey());
            int columns = CardLabels.TABLES.get(page.getKey()).size();
            assertEquals(columns, table.select("thead th").size(), page.getKey() + " header");
            for (Element row : table.select("tbody tr")) {
                assertEquals(columns, row.select("> td").size(), page.getKey() + " row");
            }
            assertEquals(1, page.getValue().select("link[rel=stylesheet][href=" + ASSETS.url("labels-fr-CA.css") + "]")
                    .size(), "the page links the French labels");
        }
    }
}
