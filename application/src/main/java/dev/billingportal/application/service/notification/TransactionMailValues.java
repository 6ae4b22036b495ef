package dev.billingportal.application.service.notification;

import dev.billingportal.domain.notification.EventFacts;
import dev.billingportal.domain.notification.NotificationEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/** The values of a "transaction posted" mail, formatted for one recipient. */
final class TransactionMailValues {
    private TransactionMailValues() {
    }

    static void put(Map<String, String> values, NotificationEvent event, ZoneId zone, String baseUrl) {
        String currency = event.fact(EventFacts.CURRENCY);
        String type = event.fact(EventFacts.TRANSACTION_TYPE);
        values.put("transactionType", type);
        values.put("transactionLabel", label(type));
        values.put("amount", event.fact(EventFacts.AMOUNT) + " " + currency);
        values.put("balanceAfter", event.fact(EventFacts.BALANCE_AFTER) + " " + currency);
        values.put("postedAt", MailFormats.localTime(Instant.parse(event.fact(EventFacts.POSTED_AT)), zone));
        putIfPresent(values, "reference", event, EventFacts.REFERENCE);
        putIfPresent(values, "description", event, EventFacts.DESCRIPTION);
        putIfPresent(values, "invoiceNumber", event, EventFacts.INVOICE_NUMBER);
        putIfPresent(values, "dueDate", event, EventFacts.DUE_DATE);
        values.put("historyUrl", baseUrl + "/transactions");
        values.put("headline", headline(type, values.get("invoiceNumber"), values.get("amount")));
    }

    /**
     * What happened, in one line: {@code Invoice INV-2026-0042 posted: 123.45 CAD}, or for the other
     * types {@code Payment posted: 50.00 CAD (invoice INV-2026-0042)}.
     */
    static String headline(String type, String invoiceNumber, String amount) {
        if (invoiceNumber == null) {
            return label(type) + " posted: " + amount;
        }
        if (type.equals("INVOICE")) {
            return "Invoice " + invoiceNumber + " posted: " + amount;
        }
        return label(type) + " posted: " + amount + " (invoice " + invoiceNumber + ")";
    }

    /** {@code INVOICE} → {@code Invoice}. */
    static String label(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static void putIfPresent(Map<String, String> values, String key, NotificationEvent event, String fact) {
        String value = event.facts().get(fact);
        if (value != null && !value.isEmpty()) {
            values.put(key, value);
        }
    }
}
