package dev.billingportal.adapter.out.mail;

import dev.billingportal.application.port.out.OutgoingMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

/** Builds the MIME message for a rendered mail: {@code multipart/alternative}, plain text then HTML. */
final class MimeMessages {
    static {
        StreamProviders.preferAngus();
    }

    private final MailTemplates templates = new MailTemplates();
    private final InternetAddress from;
    private final String messageIdDomain;
    private final Clock clock;

    MimeMessages(String from, String messageIdDomain, Clock clock) {
        try {
            this.from = new InternetAddress(from, true);
        } catch (MessagingException invalid) {
            throw new IllegalArgumentException("portal.mail.from is not a valid address: " + from, invalid);
        }
        this.messageIdDomain = messageIdDomain;
        this.clock = clock;
    }

    /** The Message-ID derives from the delivery: the same delivery always gives the same id. */
    String messageId(OutgoingMail mail) {
        return "<" + mail.notificationId() + "@" + messageIdDomain + ">";
    }

    MimeMessage build(Session session, OutgoingMail mail) throws MessagingException {
        MailTemplates.Rendered rendered = templates.render(mail.template(), mail.language(), mail.values());
        MimeMessage message = new FixedIdMimeMessage(session, messageId(mail));
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, recipient(mail));
        message.setSubject(rendered.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        // RFC 3834: an automatic message; auto-responders should not answer it.
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("Content-Language", mail.language().tag()); // RFC 3282: the recipient's language
        MimeBodyPart text = new MimeBodyPart();
        text.setText(rendered.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(rendered.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private static InternetAddress recipient(OutgoingMail mail) throws MessagingException {
        try {
            return new InternetAddress(mail.to().value(), MailTemplates.headerSafe(mail.recipientName()),
                    StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException impossible) {
            throw new MessagingException("UTF-8 is always supported", impossible);
        }
    }

    /** Jakarta Mail would invent a new Message-ID on every save; ours must stay the delivery's. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
