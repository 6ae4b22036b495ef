package dev.billingportal.adapter.out.mail;

import dev.billingportal.application.port.out.MailDeliveryFailure;
import dev.billingportal.application.port.out.Mailer;
import dev.billingportal.application.port.out.OutgoingMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;

/**
 * Writes each mail as an RFC 822 {@code .eml} file into the mail folder instead of sending it, so that
 * a portal run without an SMTP server still shows every e-mail. Files appear whole (written aside, then
 * moved into place) and are named by time and delivery id.
 */
public final class FileMailer implements Mailer {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path folder;
    private final Session session = Session.getInstance(new Properties());
    private final MimeMessages messages;
    private final Clock clock;

    public FileMailer(MailSettings settings, Clock clock) {
        this.folder = settings.mailDir();
        this.messages = new MimeMessages(settings.from(), settings.messageIdDomain(), clock);
        this.clock = clock;
    }

    @Override
    public void send(OutgoingMail mail) {
        try {
            Files.createDirectories(folder);
            MimeMessage message = messages.build(session, mail);
            String name = STAMP.format(clock.instant()) + "-" + mail.template().name().toLowerCase(Locale.ROOT)
                    + "-" + mail.notificationId() + ".eml";
            Path partial = Files.createTempFile(folder, ".writing-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    message.writeTo(out);
                }
                try {
                    Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(partial, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException | MessagingException failure) {
            throw new MailDeliveryFailure(false, "Could not write the mail into " + folder + ": "
                    + failure.getMessage(), failure);
        }
    }
}
