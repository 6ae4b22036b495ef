package dev.billingportal.adapter.out.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.user.Language;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MailTemplatesTest {
    private final MailTemplates templates = new MailTemplates();

    static Stream<Arguments> everyKindInEveryLanguage() {
        return Arrays.stream(NotificationKind.values()).flatMap(kind -> Arrays.stream(Language.values())
                .map(language -> Arguments.of(kind, language)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindInEveryLanguage")
    void everyKindRendersAGreetingASubjectAndEscapedHtmlInEveryLanguage(NotificationKind kind, Language language) {
        MailTemplates.Rendered rendered = templates.render(kind, language, MailFixtures.values());
        String hello = language == Language.FR_CA ? "Bonjour" : "Hello";

        assertFalse(rendered.subject().isBlank());
        assertTrue(rendered.text().startsWith(hello + " Zoë <script>alert(1)</script>,"), rendered.text());
        assertTrue(rendered.html().contains(hello + " Zoë &lt;script&gt;alert(1)&lt;/script&gt;,"), rendered.html());
        assertTrue(rendered.html().contains("<html lang=\"" + language.tag() + "\">"), "the HTML says its language");
        assertFalse(rendered.html().contains("<script>"), "no user value reaches the HTML as markup");
        assertFalse(rendered.html().contains("<b>"), "the account name is escaped too");
        assertTrue(rendered.html().contains("http://localhost:8080"), "every mail links to the portal");
    }

    @Test
    void invitationCarriesItsLinkInBothParts() {
        MailTemplates.Rendered rendered = templates.render(NotificationKind.INVITATION, Language.EN_CA, MailFixtures.values());

        assertTrue(rendered.text().contains("http://localhost:8080/invitation?token=abc_DEF-123"));
        assertTrue(decodeEntities(rendered.html()).contains("href=\"http://localhost:8080/invitation?token=abc_DEF-123\""),
                rendered.html());
        assertEquals("Your invitation to the Acme & Sons <b> Billing Portal", rendered.subject());
    }

    @Test
    void anOperatorsInvitationLinksToTheConsoleAndNamesTheirRoleAndUsername() {
        Map<String, String> values = MailFixtures.values();
        values.put("link", "http://localhost:8080/console/invitation?token=op_TOKEN-1");
        MailTemplates.Rendered rendered = templates.render(NotificationKind.OPERATOR_INVITATION, Language.FR_CA,
                values);

        assertTrue(rendered.text().contains("http://localhost:8080/console/invitation?token=op_TOKEN-1"));
        assertTrue(decodeEntities(rendered.html()).contains(
                "href=\"http://localhost:8080/console/invitation?token=op_TOKEN-1\""), rendered.html());
        assertTrue(rendered.text().contains("« billing »"), rendered.text());
        assertTrue(rendered.text().contains("zoe@provider.example"), rendered.text());
    }

    @Test
    void aSecurityNoticeSaysWhatWhoAndWhenInItsSubjectAndBody() {
        MailTemplates.Rendered rendered = templates.render(NotificationKind.SECURITY_NOTICE, Language.EN_CA,
                MailFixtures.values());

        assertEquals("Security notice: API key created <b>", rendered.subject());
        assertTrue(rendered.text().contains("API key created <b>: Billing system <b>"), rendered.text());
        assertTrue(rendered.text().contains("By: zoe@example.com"), rendered.text());
        assertTrue(rendered.html().contains("API key created &lt;b&gt;"), rendered.html());
    }

    @Test
    void aDisabledWebhookEndpointsMailNamesItWhyAndWhereToTurnItOnAgain() {
        MailTemplates.Rendered account = templates.render(NotificationKind.WEBHOOK_ENDPOINT_DISABLED, Language.FR_CA,
                MailFixtures.values());
        assertEquals("Point de terminaison webhook désactivé pour Acme & Sons <b> : https://erp.example.com/hooks?<b>",
                account.subject());
        assertTrue(account.text().contains("410 Gone"), account.text());
        assertTrue(account.text().contains("http://localhost:8080/webhooks"), account.text());
        assertTrue(account.html().contains("https://erp.example.com/hooks?&lt;b&gt;"), account.html());

        MailTemplates.Rendered provider = templates.render(NotificationKind.PROVIDER_WEBHOOK_DISABLED, Language.EN_CA,
                MailFixtures.values());
        assertEquals("Provider webhook endpoint turned off: https://erp.example.com/hooks?<b>", provider.subject());
        assertTrue(provider.text().startsWith("Hello Zoë <script>alert(1)</script>,"), provider.text());
    }

    @Test
    void aTransactionSubjectSaysWhatHappened() {
        assertEquals("Invoice INV-2026-0042 posted: 113.00 CAD",
                templates.render(NotificationKind.TRANSACTION_POSTED, Language.EN_CA, MailFixtures.values()).subject());
    }

    @Test
    void optionalTransactionLinesAppearOnlyWhenPresent() {
        Map<String, String> values = MailFixtures.values();
        values.remove("invoiceNumber");
        MailTemplates.Rendered rendered = templates.render(NotificationKind.TRANSACTION_POSTED, Language.EN_CA, values);

        assertFalse(rendered.text().contains("Invoice:"), rendered.text());
        assertTrue(templates.render(NotificationKind.TRANSACTION_POSTED, Language.EN_CA, MailFixtures.values()).text()
                .contains("Invoice:   INV-2026-0042"));
    }

    /** A placeholder used in one language's template and not the other's would show up missing in one of them. */
    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void theFrenchTemplatesUseTheSamePlaceholdersAsTheEnglishOnes(NotificationKind kind) throws Exception {
        String name = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        for (String part : List.of(".subject.mustache", ".txt.mustache", ".html.mustache")) {
            assertEquals(placeholders("mail/" + name + part), placeholders("mail/fr-CA/" + name + part), name + part);
        }
    }

    private static java.util.Set<String> placeholders(String resource) throws Exception {
        try (var in = MailTemplatesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " exists");
            String template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return java.util.regex.Pattern.compile("\\{\\{[#/^]?(\\w+)}}").matcher(template).results()
                    .map(match -> match.group(1)).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
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
