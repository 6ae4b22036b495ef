package dev.billingportal.application.service.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.notification.EventFacts;
import dev.billingportal.domain.notification.EventId;
import dev.billingportal.domain.notification.NotificationEvent;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.user.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A mail's words, dates and amounts are its recipient's (spec §3 language, §6): the same event, twice. */
class MailInTheRecipientsLanguageTest {
    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    private static final NotificationEvent PAYMENT = new NotificationEvent(EventId.random(),
            NotificationKind.TRANSACTION_POSTED, java.util.Optional.of(AccountId.random()), Instant.parse("2026-11-25T08:00:00Z"), Map.of(
            EventFacts.ACCOUNT_NAME, "Acme", EventFacts.ACCOUNT_NUMBER, "ACC-000001",
            EventFacts.TRANSACTION_TYPE, "PAYMENT", EventFacts.AMOUNT, "1234.56", EventFacts.CURRENCY, "CAD",
            EventFacts.POSTED_AT, "2026-11-25T08:00:00Z", EventFacts.BALANCE_AFTER, "-1234.56",
            EventFacts.INVOICE_NUMBER, "INV-1", EventFacts.DUE_DATE, "2026-11-30"));

    private static Map<String, String> values(Language language) {
        Map<String, String> values = new HashMap<>();
        TransactionMailValues.put(values, PAYMENT, TORONTO, language, "https://portal.example");
        values.replaceAll((key, value) -> value.replace('\u00a0', ' ').replace('\u202f', ' '));
        return values;
    }

    @Test
    void englishKeepsTheSubjectOfSpecSixAndFrenchWritesItsOwn() {
        Map<String, String> english = values(Language.EN_CA);
        Map<String, String> french = values(Language.FR_CA);

        assertEquals("Payment posted: 1234.56 CAD (invoice INV-1)", english.get("headline"));
        assertEquals("Paiement inscrit : 1 234,56 CAD (facture INV-1)", french.get("headline"));
        assertEquals("Paiement", french.get("transactionLabel"));
        assertEquals("-1 234,56 CAD", french.get("balanceAfter"));
        assertEquals("30 novembre 2026", french.get("dueDate"));
        assertEquals("November 30, 2026", english.get("dueDate"));
        assertEquals("November 25, 2026 at 3:00 AM EST (America/Toronto)", english.get("postedAt"));
        assertTrue(french.get("postedAt").startsWith("25 novembre 2026 à 3 h 00 ")
                && french.get("postedAt").endsWith(" (America/Toronto)"), french.get("postedAt"));
    }
}
