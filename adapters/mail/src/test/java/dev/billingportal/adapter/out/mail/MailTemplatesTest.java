package dev.billingportal.adapter.out.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.notification.NotificationKind;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {
    private final MailTemplates templates = new MailTemplates();

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void everyKindRendersAGreetingASubjectAndEscapedHtml(NotificationKind kind) {
        MailTemplates.Rendered rendered = templates.render(kind, MailFixtures.values());

        assertFalse(rendered.subject().isBlank());
        assertTrue(rendered.text().startsWith("Hello Zoë <script>alert(1)</script>,"), rendered.text());
        assertTrue(rendered.html().contains("Hello Zoë &lt;script&gt;alert(1)&lt;/script&gt;,"), rendered.html());
        assertFalse(rendered.html().contains("<script>"), "no user value reaches the HTML as markup");
        assertFalse(rendered.html().contains("<b>"), "the account name is escaped too");
        assertTrue(rendered.html().contains("http://localhost:8080"), "every mail links to the portal");
    }

    @Test
    void invitationCarriesItsLinkInBothParts() {
        MailTemplates.Rendered rendered = templates.render(NotificationKind.INVITATION, MailFixtures.values());

        assertTrue(rendered.text().contains("http://localhost:8080/invitation?token=abc_DEF-123"));
        assertTrue(decodeEntities(rendered.html()).contains("href=\"http://localhost:8080/invitation?token=abc_DEF-123\""),
                rendered.html());
        assertEquals("Your invitation to the Acme & Sons <b> Billing Portal", rendered.subject());
    }

    @Test
    void aTransactionSubjectSaysWhatHappened() {
        assertEquals("Invoice INV-2026-0042 posted: 113.00 CAD",
                templates.render(NotificationKind.TRANSACTION_POSTED, MailFixtures.values()).subject());
    }

    @Test
    void optionalTransactionLinesAppearOnlyWhenPresent() {
        Map<String, String> values = MailFixtures.values();
        values.remove("invoiceNumber");
        MailTemplates.Rendered rendered = templates.render(NotificationKind.TRANSACTION_POSTED, values);

        assertFalse(rendered.text().contains("Invoice:"), rendered.text());
        assertTrue(templates.render(NotificationKind.TRANSACTION_POSTED, MailFixtures.values()).text()
                .contains("Invoice:   INV-2026-0042"));
    }

    /** What a browser reads from an attribute: numeric character references decoded. */
    private static String decodeEntities(String html) {
        return java.util.regex.Pattern.compile("&#(\\d+);").matcher(html)
                .replaceAll(match -> Character.toString(Integer.parseInt(match.group(1))));
    }

    @Test
    void aLineBreakNeverSurvivesIntoAHeaderValue() {
        assertEquals("Subject Bcc: victim@example.com", MailTemplates.headerSafe("Subject\r\nBcc: victim@example.com"));
        assertEquals("a b", MailTemplates.headerSafe("a\u2028b"));
    }
}
