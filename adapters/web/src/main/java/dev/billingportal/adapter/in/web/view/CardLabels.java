package dev.billingportal.adapter.in.web.view;

import dev.billingportal.domain.user.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels a table's cells show when the table reflows into cards on a phone, as one small stylesheet per
 * language ({@code labels-en-CA.css}): each column's cells get a {@code --label}, which {@code portal.css} shows
 * before the value at narrow widths. Sent once and cached, rather than as an attribute on every cell of every row —
 * on {@code /users} with 200 users that was 1 400 attributes, each escaped on every request (docs/performance.md).
 */
public final class CardLabels {
    /** Each table's class and its columns' text keys, in column order. */
    static final Map<String, List<String>> TABLES = Map.ofEntries(
            Map.entry("table--users", List.of("users.username", "users.firstName", "users.lastName", "users.timeZone",
                    "users.billingNotifications", "users.status", "users.actions")),
            Map.entry("table--latest", List.of("transactions.postedAt", "transactions.type", "transactions.what",
                    "transactions.amount", "transactions.balanceAfter")),
            Map.entry("table--history", List.of("transactions.sequence", "transactions.postedAt", "transactions.type",
                    "transactions.what", "transactions.amount", "transactions.balanceAfter")),
            Map.entry("table--invoices", List.of("invoices.number", "invoices.issued", "invoices.due",
                    "invoices.total", "invoices.amountDue", "invoices.status", "invoices.document")),
            Map.entry("table--lines", List.of("invoice.description", "invoice.quantity", "invoice.unitPrice",
                    "transactions.amount")),
            Map.entry("table--applied", List.of("transactions.postedAt", "transactions.type", "transactions.what",
                    "transactions.amount")),
            Map.entry("table--months", List.of("dashboard.month", "dashboard.invoiced", "dashboard.paid")),
            Map.entry("table--notifications", List.of("notifications.when", "notifications.what",
                    "notifications.recipient", "notifications.status")),
            Map.entry("table--accounts", List.of("console.account.number", "console.account.name",
                    "console.account.currency", "console.search.matched")),
            Map.entry("table--console-users", List.of("console.account.username", "console.account.fullName",
                    "console.account.status", "console.account.actions")),
            Map.entry("table--console-notifications", List.of("notifications.when", "notifications.what",
                    "notifications.recipient", "notifications.status")),
            Map.entry("table--failed", List.of("notifications.when", "notifications.what", "notifications.recipient",
                    "console.notifications.reason", "console.account.actions")),
            Map.entry("table--failed-webhooks", List.of("notifications.when", "webhooks.event",
                    "console.notifications.endpoint", "console.notifications.reason", "console.account.actions")),
            Map.entry("table--audit", List.of("notifications.when", "console.audit.who", "notifications.what",
                    "console.audit.changes", "console.audit.reason")),
            Map.entry("table--operators", List.of("console.profile.name", "console.signin.email",
                    "console.profile.role", "console.account.status", "console.profile.lastSignIn",
                    "console.account.actions")),
            Map.entry("table--webhooks", List.of("webhooks.url", "webhooks.description", "webhooks.events",
                    "webhooks.status")),
            Map.entry("table--webhook-messages", List.of("webhooks.when", "webhooks.event", "webhooks.status",
                    "webhooks.attempts", "webhooks.actions")),
            Map.entry("table--webhook-attempts", List.of("webhooks.when", "webhooks.took", "webhooks.outcome",
                    "webhooks.answer")),
            Map.entry("table--bill-runs", List.of("console.billRuns.sent", "console.billRuns.by",
                    "console.account.status", "console.billRuns.lines", "console.billRuns.posted",
                    "console.billRuns.replayed", "console.billRuns.errors")),
            Map.entry("table--bill-run-errors", List.of("console.billRuns.line", "console.billRuns.field",
                    "console.billRuns.message")),
            Map.entry("table--keys", List.of("console.keys.field.name", "console.profile.role", "console.keys.prefix",
                    "console.keys.created", "console.keys.expires", "console.keys.lastUsed", "console.account.status",
                    "console.account.actions")));

    private CardLabels() {
    }

    /** The asset name of the labels in {@code language}. */
    public static String stylesheetName(Language language) {
        return "labels-" + language.tag() + ".css";
    }

    /** Every language's stylesheet, by asset name. */
    public static Map<String, String> stylesheets() {
        Map<String, String> sheets = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            sheets.put(stylesheetName(language), stylesheet(Texts.of(language)));
        }
        return sheets;
    }

    static String stylesheet(Texts t) {
        StringBuilder css = new StringBuilder("/* Card labels, ").append(t.lang()).append(" (CardLabels) */\n");
        TABLES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(table -> {
            List<String> columns = table.getValue();
            for (int i = 0; i < columns.size(); i++) {
                css.append('.').append(table.getKey()).append(" td:nth-child(").append(i + 1).append(") { --label: ")
                        .append(cssString(t.get(columns.get(i)))).append("; }\n");
            }
        });
        return css.toString();
    }

    /** A CSS string: quoted, with quotes, backslashes and line breaks escaped. */
    static String cssString(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"', '\\' -> quoted.append('\\').append(c);
                case '\n', '\r' -> quoted.append("\\A ");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
