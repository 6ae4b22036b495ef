package dev.billingportal.adapter.out.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.out.OutgoingMail;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.Language;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A mail says its language (RFC 3282 Content-Language) and is written in it. */
class MimeMessagesTest {
    private final MimeMessages messages = new MimeMessages("billing@portal.example", "portal.example",
            Clock.systemUTC());

    private MimeMessage build(Language language) throws Exception {
        Map<String, String> values = MailFixtures.values();
        return messages.build(Session.getInstance(new Properties()), new OutgoingMail(DeliveryId.random(),
                NotificationKind.INVITATION, language, new EmailAddress("zoe@example.com"), "Zoë Gagné", values));
    }

    @Test
    void aFrenchRecipientsMailIsInFrenchAndSaysSo() throws Exception {
        MimeMessage french = build(Language.FR_CA);
        MimeMessage english = build(Language.EN_CA);

        assertArrayEquals(new String[] {"fr-CA"}, french.getHeader("Content-Language"));
        assertArrayEquals(new String[] {"en-CA"}, english.getHeader("Content-Language"));
        assertTrue(french.getSubject().startsWith("Votre invitation"), french.getSubject());
        assertEquals("Your invitation to the Acme & Sons <b> Billing Portal", english.getSubject());
        String text = (String) ((jakarta.mail.Multipart) french.getContent()).getBodyPart(0).getContent();
        assertTrue(text.startsWith("Bonjour "), "the text part too: " + text);
    }
}
