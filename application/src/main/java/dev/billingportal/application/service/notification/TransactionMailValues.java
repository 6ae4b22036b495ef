package dev.billingportal.application.service.notification;

import dev.billingportal.domain.notification.EventFacts;
import dev.billingportal.domain.notification.NotificationEvent;
import dev.billingportal.domain.user.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/** The values of a "transaction posted" mail, formatted for one recipient. */
final class TransactionMailValues {
    private TransactionMailValues() {
    }

    static void put(Map<String, String> values, NotificationEvent event, ZoneId zone, Language language,
                    String baseUrl) {
        String currency = event.fact(EventFacts.CURRENCY);
        String type = event.fact(EventFacts.TRANSACTION_TYPE);
        values.put("transactionType", type);
        values.put("transactionLabel", label(type, language));
        values.put("amount", MailFormats.amount(event.fact(EventFacts.AMOUNT), currency, language));
        values.put("balanceAfter", MailFormats.amount(event.fact(EventFacts.BALANCE_AFTER), currency, language));
        values.put("postedAt", MailFormats.localTime(Instant.parse(event.fact(EventFacts.POSTED_AT)), zone, language));
        putIfPresent(values, "reference", event, EventFacts.REFERENCE);
        putIfPresent(values, "description", event, EventFacts.DESCRIPTION);
        putIfPresent(values, "invoiceNumber", event, EventFacts.INVOICE_NUMBER);
        String due = event.facts().get(EventFacts.DUE_DATE);
        if (due != null && !due.isEmpty()) {
            values.put("dueDate", MailFormats.date(LocalDate.parse(due), language));
        }
        values.put("historyUrl", baseUrl + "/transactions");
        values.put("headline", language == Language.FR_CA
                ? headlineFr(type, values.get("invoiceNumber"), values.get("amount"))
                : headline(type, values.get("invoiceNumber"), values.get("amount")));
    }

    /** The same in French: {@code Facture INV-2026-0042 émise : 123,45 CAD}, {@code Paiement inscrit : …}. */
    static String headlineFr(String type, String invoiceNumber, String amount) {
        if (type.equals("INVOICE")) {
            return "Facture" + (invoiceNumber == null ? "" : " " + invoiceNumber) + " émise : " + amount;
        }
        String label = label(type, Language.FR_CA);
        return label + " inscrit : " + amount
                + (invoiceNumber == null ? "" : " (facture " + invoiceNumber + ")");
    }

    static String label(String type, Language language) {
        if (language != Language.FR_CA) {
            return label(type);
        }
        return switch (type) {
            case "INVOICE" -> "Facture";
            case "PAYMENT" -> "Paiement";
            case "REFUND" -> "Remboursement";
            case "CREDIT" -> "Crédit";
            default -> label(type);
        };
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
