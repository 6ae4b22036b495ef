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
        Chrome chrome = new Chrome(Site.PORTAL, Texts.of(Language.FR_CA), "t", Optional.of(new Chrome.Viewer("Zoë O'Brien",
                Language.FR_CA)), "csrf", ASSETS, new Support("Support", Optional.empty(), Optional.empty()), "users");
        Document users = Jsoup.parse(new String(views.render("users.jte", new UsersView(chrome, "Acme",
                List.of(new UserRow("1", "ann@example.com", "Ann", "Lee", "America/Toronto", true, false, true, 1,
                        Optional.empty())), Optional.empty(), TimeZones.all(), Optional.empty(), Optional.empty())),
                StandardCharsets.UTF_8));
        Document dashboard = Jsoup.parse(new String(views.render("dashboard.jte", new DashboardView(chrome, "Acme",
                "ACC-1", "0,00 $", false, "0,00 $", false, Optional.empty(), List.of(new TransactionLine(1,
                        "1 déc. 2026", "Paiement", "Merci", "10,00 $", "-10,00 $", true)), "America/Toronto",
                MonthChart.of(List.of(new MonthChart.Amounts("déc.", "décembre 2026", 1_000, "10,00 $", 0, "0,00 $"))))), StandardCharsets.UTF_8));
        Document history = Jsoup.parse(new String(views.render("transactions.jte", new HistoryView(chrome, BillingPaths.PORTAL,
                List.of(new HistoryView.TypeChoice("PAYMENT", "Paiement", true)), "", "", "", Map.of(), true,
                "America/Toronto", List.of(new TransactionLine(7, "1 déc. 2026", "Paiement", "Merci", "10,00 $",
                        "-10,00 $", true)), Optional.of("/transactions?cursor=a"), Optional.empty(),
                "/transactions.csv")), StandardCharsets.UTF_8));
        InvoiceLine invoice = new InvoiceLine("0b7c", "INV-1", "1 nov. 2026", "30 nov. 2026", "113,00 $", "13,00 $",
                "Payée en partie", "badge--partially-paid");
        Document invoices = Jsoup.parse(new String(views.render("invoices.jte", new InvoicesView(chrome, BillingPaths.PORTAL,
                List.of(invoice), Optional.empty(), Optional.empty())), StandardCharsets.UTF_8));
        Document detail = Jsoup.parse(new String(views.render("invoice.jte", new InvoiceDetailView(chrome, BillingPaths.PORTAL, "Acme",
                "ACC-1", invoice, Optional.empty(), List.of(new InvoiceDetailView.Line("Siège", "10", "10,00 $",
                        "100,00 $")), "100,00 $", List.of(new InvoiceDetailView.Tax("TVH", "13 %", "13,00 $")),
                "113,00 $", List.of(new TransactionLine(2, "2 nov. 2026", "Paiement", "PAY-1", "100,00 $", "13,00 $",
                        true)), "100,00 $", "0,00 $", "America/Toronto")), StandardCharsets.UTF_8));
        Document notifications = Jsoup.parse(new String(views.render("notifications.jte", new NotificationsView(chrome,
                List.of(new NotificationsView.Row("2 nov. 2026", "Paiement inscrit : 10,00 $", "ann@example.com",
                        "Échec", "badge--failed", Optional.of("Motif : 550 no such user"))), Optional.empty(),
                Optional.empty(), "America/Toronto")), StandardCharsets.UTF_8));
        Chrome console = new Chrome(Site.PORTAL, Texts.of(Language.FR_CA), "t", Optional.of(new Chrome.Viewer(
                "Olivia Ouellet", Language.FR_CA)), "csrf", ASSETS, new Support("Support", Optional.empty(),
                Optional.empty()), "search");
        Document accounts = Jsoup.parse(new String(views.render("console/home.jte", new ConsoleHomeView(console,
                "tremblay", true, List.of(new ConsoleHomeView.Found("0b7c", "ACC-000001", "Plomberie Tremblay", "CAD",
                        "Nom")), Optional.empty(), Optional.empty(), true)), StandardCharsets.UTF_8));
        Document account = Jsoup.parse(new String(views.render("console/account.jte", new ConsoleAccountView(console,
                "0b7c", "ACC-000001", "Plomberie Tremblay", "CAD", "10,00 $", false, "0,00 $",
                List.of(new ConsoleAccountView.User("1", "ann@example.com", "Ann Lee", "Supprimé", "badge--deleted", true,
                        false, false, "", Optional.of("Motif requis"))),
                List.of(new ConsoleAccountView.Notification("2", "2 nov. 2026", "Paiement inscrit", "ann@example.com",
                        "Échec", "badge--failed", Optional.empty(), true)),
                new ConsoleAccountView.Billing(List.of(new TransactionLine(7, "1 déc. 2026", "Paiement", "Merci",
                        "10,00 $", "-10,00 $", true)), List.of(new InvoiceLine("0b7c", "INV-1", "1 nov. 2026",
                        "30 nov. 2026", "113,00 $", "13,00 $", "Payée en partie", "badge--partially-paid")),
                        List.of(new ConsoleAuditView.Row("2 nov. 2026", "Olivia Ouellet", "Utilisateur rétabli",
                                Optional.empty(), "", "Il a appelé")), "America/Toronto"), Optional.empty(), true)),
                StandardCharsets.UTF_8));
        Document failed = Jsoup.parse(new String(views.render("console/notifications.jte",
                new ConsoleNotificationsView(console, List.of(new ConsoleNotificationsView.Row("3", "2 nov. 2026",
                        "Invitation", "ann@example.com", "550 no such user", Optional.of("/console/accounts/1"))),
                        Optional.empty(), Optional.empty(), List.of(new ConsoleNotificationsView.WebhookRow(
                                "msg_p5jXN8AQM9LWM0D4loKWxJek", "2 nov. 2026", "Transaction inscrite",
                                "https://erp.example.com/hooks", "Point de terminaison d'un compte",
                                Optional.of("/console/accounts/1"), "HTTP 500", Optional.empty())), Optional.empty(),
                        Optional.empty(), Optional.empty(), "America/Toronto")),
                StandardCharsets.UTF_8));
        Document audit = Jsoup.parse(new String(views.render("console/audit.jte", new ConsoleAuditView(console,
                new ConsoleAuditView.Filters("", "", "", "", ""), List.of(), Map.of(), List.of(new ConsoleAuditView.Row(
                        "2 nov. 2026", "Olivia Ouellet", "Utilisateur rétabli", Optional.empty(), "", "Il a appelé")),
                Optional.empty(), Optional.empty(), "America/Toronto")), StandardCharsets.UTF_8));
        Document operators = Jsoup.parse(new String(views.render("console/operators.jte", new OperatorsView(console,
                List.of(new OperatorsView.Row("4", "Sam Roy", "sam@provider.example", "Soutien", "support", "Actif",
                        "badge--active", "—", false, true, false)), Map.of(), List.of(), List.of(), List.of(),
                Map.of(), Optional.empty())), StandardCharsets.UTF_8));
        Document keys = Jsoup.parse(new String(views.render("console/apikeys.jte", new ApiKeysView(console,
                List.of(new ApiKeysView.Row("5", "Ledger sync", "Facturation", "bpk_DOi6KZYv", "2 nov. 2026 par Olivia",
                        "Jamais", "Pas encore", "Active", "badge--active", true)), List.of(), Map.of(), Map.of(),
                Optional.empty(), Optional.empty())), StandardCharsets.UTF_8));
        Map<String, Document> pages = new java.util.HashMap<>(Map.of("table--keys", keys, "table--operators", operators, "table--audit", audit, "table--failed", failed, "table--accounts", accounts,
                "table--console-users", account, "table--console-notifications", account));
        WebhookPlace place = new WebhookPlace("/webhooks", true, true);
        WebhooksView.Row endpoint = new WebhooksView.Row("6", "https://erp.example.com/hooks", "ERP", "Tous",
                "Actif", "badge--active", Optional.empty());
        WebhooksView.EndpointForm form = new WebhooksView.EndpointForm(Map.of(), List.of(), true, true, Map.of());
        Document webhooks = Jsoup.parse(new String(views.render("webhooks.jte", new WebhooksView(chrome, place,
                List.of(endpoint), form, Optional.empty(), Optional.empty())), StandardCharsets.UTF_8));
        WebhookView.MessageRow message = new WebhookView.MessageRow("msg_p5jXN8AQM9LWM0D4loKWxJek", "2 nov. 2026",
                "Événement de test", "Livré", "badge--sent", Optional.empty(), 1);
        Document webhook = Jsoup.parse(new String(views.render("webhook.jte", new WebhookView(chrome, place, endpoint,
                form, List.of(message), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                "America/Toronto")), StandardCharsets.UTF_8));
        Document webhookMessage = Jsoup.parse(new String(views.render("webhookmessage.jte", new WebhookMessageView(
                chrome, place, "6", "https://erp.example.com/hooks", message, "{}", List.of(
                        new WebhookMessageView.AttemptRow("2 nov. 2026", "12 ms", "HTTP 204", true, "")), true,
                "America/Toronto")), StandardCharsets.UTF_8));
        pages.putAll(Map.of("table--webhooks", webhooks, "table--webhook-messages", webhook,
                "table--webhook-attempts", webhookMessage));
        pages.putAll(Map.of("table--users", users, "table--latest", dashboard, "table--months", dashboard,
                "table--history", history, "table--invoices", invoices, "table--lines", detail,
                "table--applied", detail, "table--notifications", notifications));
        pages.put("table--failed-webhooks", failed);
        pages.put("table--bill-runs", Jsoup.parse(new String(views.render("console/billruns.jte", new BillRunsView(
                console, List.of(new BillRunsView.Row("/console/bill-runs/7", "2 nov. 2026", "Olivia Ouellet",
                        "Terminée", "badge--sent", 3, 3, 0, 0)), Optional.empty(), Optional.empty(), Optional.empty(),
                100_000)), StandardCharsets.UTF_8)));
        pages.put("table--bill-run-errors", Jsoup.parse(new String(views.render("console/billrun.jte", new BillRunView(
                console, "/console/bill-runs/7", "Rejetée", "badge--failed", "REJECTED", false, 3, 0, 0, 0, 0, 0,
                "Olivia Ouellet", "2 nov. 2026", Optional.of("2 nov. 2026"), List.of(new BillRunView.Error(2, "amount",
                        "must be a positive decimal number")))), StandardCharsets.UTF_8)));
        assertEquals(CardLabels.TABLES.keySet(), pages.keySet(), "every labelled table is checked here");
        for (Map.Entry<String, Document> page : pages.entrySet()) {
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
