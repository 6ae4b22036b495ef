package dev.billingportal.adapter.out.mail;

import dev.billingportal.application.port.out.Mailer;
import dev.billingportal.application.port.out.OutgoingMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Properties;

/** Sends mail to an SMTP server with Jakarta Mail (Eclipse Angus). */
public final class SmtpMailer implements Mailer {
    private final MailSettings settings;
    private final Session session;
    private final MimeMessages messages;

    public SmtpMailer(MailSettings settings, Clock clock) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
        this.messages = new MimeMessages(settings.from(), settings.messageIdDomain(), clock);
    }

    static Properties properties(MailSettings settings) {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.smtpHost());
        properties.put("mail.smtp.port", Integer.toString(settings.smtpPort()));
        properties.put("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(settings.readTimeout().toMillis()));
        properties.put("mail.smtp.writetimeout", Long.toString(settings.writeTimeout().toMillis()));
        properties.put("mail.smtp.auth", Boolean.toString(settings.smtpUsername() != null));
        if (settings.startTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        // Report every refused recipient instead of stopping at the first.
        properties.put("mail.smtp.reportsuccess", "false");
        properties.put("mail.smtp.sendpartial", "false");
        return properties;
    }

    @Override
    public void send(OutgoingMail mail) {
        try {
            MimeMessage message = messages.build(session, mail);
            if (settings.smtpUsername() != null) {
                Transport.send(message, settings.smtpUsername(), settings.smtpPassword());
            } else {
                Transport.send(message);
            }
        } catch (MessagingException failure) {
            throw SmtpFailures.classify(failure);
        }
    }
}
