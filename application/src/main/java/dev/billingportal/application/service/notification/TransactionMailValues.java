package dev.billingportal.application.service.notification;

import dev.billingportal.domain.billing.TransactionHeadline;
import dev.billingportal.domain.billing.TransactionType;
import dev.billingportal.domain.notification.EventFacts;
import dev.billingportal.domain.notification.NotificationEvent;
import dev.billingportal.domain.user.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
        values.put("transactionLabel", TransactionHeadline.label(TransactionType.valueOf(type), language));
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
        values.put("headline", TransactionHeadline.of(TransactionType.valueOf(type), values.get("invoiceNumber"),
                values.get("amount"), language));
    }

    private static void putIfPresent(Map<String, String> values, String key, NotificationEvent event, String fact) {
        String value = event.facts().get(fact);
        if (value != null && !value.isEmpty()) {
            values.put(key, value);
        }
    }
}
