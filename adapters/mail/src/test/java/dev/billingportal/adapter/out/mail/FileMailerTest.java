package dev.billingportal.adapter.out.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.out.OutgoingMail;
import dev.billingportal.domain.notification.NotificationKind;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMailerTest {
    @TempDir
    Path folder;

    @Test
    void writesOneCompleteEmlFileNamedByTimeKindAndDelivery() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T08:00:00.250Z"), ZoneOffset.UTC);
        Path mailDir = folder.resolve("mail");
        OutgoingMail mail = MailFixtures.mail(NotificationKind.INVITATION, "zoe@example.com");

        new FileMailer(MailFixtures.file(mailDir), clock).send(mail);

        List<Path> files;
        try (Stream<Path> listing = Files.list(mailDir)) {
            files = listing.toList();
        }
        assertEquals(1, files.size(), "no temporary file is left behind: " + files);
        assertEquals("20261125T080000.250Z-invitation-" + mail.notificationId() + ".eml",
                files.get(0).getFileName().toString());
        try (InputStream in = Files.newInputStream(files.get(0))) {
            MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), in);
            assertEquals("zoe@example.com", parsed.getAllRecipients()[0].toString().replaceAll(".*<|>.*", ""));
            assertEquals("<" + mail.notificationId() + "@portal.example>", parsed.getMessageID());
            assertTrue(parsed.getContentType().startsWith("multipart/alternative"));
        }
    }
}
