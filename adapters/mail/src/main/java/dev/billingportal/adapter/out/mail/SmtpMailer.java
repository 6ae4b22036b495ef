package dev.billingportal.adapter.out.mail;

import dev.billingportal.application.port.out.Mailer;
import dev.billingportal.application.port.out.OutgoingMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends mail to an SMTP server with Jakarta Mail (Eclipse Angus), keeping connections open between messages:
 * a worker takes an idle connection, checks it is still alive (NOOP; a server may close idle connections), sends
 * and gives it back. Opening a connection per message (greeting, EHLO, QUIT) cost a third of each send (JFR, see
 * docs/performance.md). A connection that failed a send is closed, never reused.
 */
public final class SmtpMailer implements Mailer, AutoCloseable {
    /** More idle connections than workers are never needed; extra ones are closed. */
    private static final int MAX_IDLE = 16;

    private final MailSettings settings;
    private final Session session;
    private final MimeMessages messages;
    private final Deque<Transport> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger opened = new AtomicInteger();
    private volatile boolean closed;

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
        Transport transport = null;
        try {
            MimeMessage message = messages.build(session, mail);
            transport = connection();
            transport.sendMessage(message, message.getAllRecipients());
            release(transport);
        } catch (MessagingException failure) {
            closeQuietly(transport);
            throw SmtpFailures.classify(failure);
        } catch (RuntimeException failure) {
            closeQuietly(transport);
            throw failure;
        }
    }

    /** How many SMTP connections this mailer has opened so far. */
    int connectionsOpened() {
        return opened.get();
    }

    private Transport connection() throws MessagingException {
        Transport transport;
        while ((transport = idle.pollFirst()) != null) {
            if (transport.isConnected()) { // sends NOOP: a connection the server dropped while idle fails here
                return transport;
            }
            closeQuietly(transport);
        }
        transport = session.getTransport("smtp");
        if (settings.smtpUsername() != null) {
            transport.connect(settings.smtpHost(), settings.smtpPort(), settings.smtpUsername(), settings.smtpPassword());
        } else {
            transport.connect();
        }
        opened.incrementAndGet();
        return transport;
    }

    private void release(Transport transport) {
        if (closed || idle.size() >= MAX_IDLE) {
            closeQuietly(transport);
            return;
        }
        idle.offerFirst(transport); // the most recently used first: the others may time out and be closed
        if (closed) {
            close();
        }
    }

    private static void closeQuietly(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the connection is gone either way
            }
        }
    }

    /** Closes the idle connections (QUIT); connections in use close when their send ends. */
    @Override
    public void close() {
        closed = true;
        Transport transport;
        while ((transport = idle.pollFirst()) != null) {
            closeQuietly(transport);
        }
    }
}
