package dev.billingportal.adapter.out.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.billingportal.application.port.out.MailDeliveryFailure;
import dev.billingportal.application.port.out.OutgoingMail;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.testing.ScriptedSmtpServer;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpMailerTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final Clock clock = Clock.systemUTC();

    @Test
    void sendsPlainTextAndHtmlAlternativesWithTheDeliveryMessageId() throws Exception {
        SmtpMailer mailer = new SmtpMailer(MailFixtures.smtp(GREEN_MAIL.getSmtp().getPort(), Duration.ofSeconds(5)), clock);
        OutgoingMail mail = MailFixtures.mail(NotificationKind.INVITATION, "zoe@example.com");

        mailer.send(mail);

        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertEquals("<" + mail.notificationId() + "@portal.example>", received.getMessageID());
        assertEquals("Your invitation to the Acme & Sons <b> Billing Portal", received.getSubject());
        InternetAddress to = (InternetAddress) received.getAllRecipients()[0];
        assertEquals("zoe@example.com", to.getAddress());
        assertEquals("Zoë Gagné", to.getPersonal());
        assertTrue(received.getContentType().startsWith("multipart/alternative"), received.getContentType());
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        String html = (String) parts.getBodyPart(1).getContent();
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertFalse(html.contains("<script>"), "user values never reach the HTML part as markup");
        assertTrue(((String) parts.getBodyPart(0).getContent()).startsWith("Hello Zoë <script>"));
    }

    @Test
    void aRecipientRefusedWith550IsAPermanentFailure() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
            server.replyToRecipient("gone@example.com", "550 5.1.1 No such user");
            SmtpMailer mailer = new SmtpMailer(MailFixtures.smtp(server.port(), Duration.ofSeconds(5)), clock);

            MailDeliveryFailure failure = assertThrows(MailDeliveryFailure.class,
                    () -> mailer.send(MailFixtures.mail(NotificationKind.USER_ADDED, "gone@example.com")));

            assertTrue(failure.permanent());
            assertTrue(failure.getMessage().contains("550"), failure.getMessage());
        }
    }

    @Test
    void a451IsTemporary() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
            server.replyToAllRecipients("451 4.3.0 Try again later");
            SmtpMailer mailer = new SmtpMailer(MailFixtures.smtp(server.port(), Duration.ofSeconds(5)), clock);

            MailDeliveryFailure failure = assertThrows(MailDeliveryFailure.class,
                    () -> mailer.send(MailFixtures.mail(NotificationKind.USER_ADDED, "ann@example.com")));

            assertFalse(failure.permanent());
            assertTrue(failure.getMessage().contains("451"), failure.getMessage());
        }
    }

    @Test
    void noServerListeningIsTemporary() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        SmtpMailer mailer = new SmtpMailer(MailFixtures.smtp(closedPort, Duration.ofSeconds(5)), clock);

        MailDeliveryFailure failure = assertThrows(MailDeliveryFailure.class,
                () -> mailer.send(MailFixtures.mail(NotificationKind.USER_ADDED, "ann@example.com")));

        assertFalse(failure.permanent());
    }

    @Test
    void aServerThatNeverAnswersTimesOutInsteadOfPinningTheWorker() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer().silent(true)) {
            SmtpMailer mailer = new SmtpMailer(MailFixtures.smtp(server.port(), Duration.ofMillis(500)), clock);
            long start = System.nanoTime();

            MailDeliveryFailure failure = assertThrows(MailDeliveryFailure.class,
                    () -> mailer.send(MailFixtures.mail(NotificationKind.USER_ADDED, "ann@example.com")));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertFalse(failure.permanent());
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "gave up after the read timeout, took " + took);
        }
    }

    @Test
    void consecutiveMailsShareOneConnection() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer();
             SmtpMailer mailer = new SmtpMailer(MailFixtures.smtp(server.port(), Duration.ofSeconds(5)), clock)) {
            for (String to : new String[] {"ann@example.com", "bob@example.com", "cy@example.com"}) {
                mailer.send(MailFixtures.mail(NotificationKind.USER_ADDED, to));
            }

            assertEquals(3, server.received().size());
            assertEquals(1, server.connectionsAccepted());
            assertEquals(1, mailer.connectionsOpened());
        }
    }

    @Test
    void aConnectionTheServerDroppedWhileIdleIsReplacedWithoutFailingTheMail() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer();
             SmtpMailer mailer = new SmtpMailer(MailFixtures.smtp(server.port(), Duration.ofSeconds(5)), clock)) {
            mailer.send(MailFixtures.mail(NotificationKind.USER_ADDED, "ann@example.com"));
            server.dropConnections();

            mailer.send(MailFixtures.mail(NotificationKind.USER_ADDED, "bob@example.com"));

            assertEquals(2, server.received().size());
            assertEquals(List.of("bob@example.com"), server.received().get(1).recipients());
            assertEquals(2, mailer.connectionsOpened());
        }
    }

    @Test
    void aConnectionThatFailedASendIsNeverReused() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer();
             SmtpMailer mailer = new SmtpMailer(MailFixtures.smtp(server.port(), Duration.ofSeconds(5)), clock)) {
            server.replyToRecipient("later@example.com", "451 4.3.0 Try again later");
            assertThrows(MailDeliveryFailure.class,
                    () -> mailer.send(MailFixtures.mail(NotificationKind.USER_ADDED, "later@example.com")));

            mailer.send(MailFixtures.mail(NotificationKind.USER_ADDED, "ann@example.com"));

            assertEquals(1, server.received().size());
            assertEquals(2, mailer.connectionsOpened());
        }
    }
}
