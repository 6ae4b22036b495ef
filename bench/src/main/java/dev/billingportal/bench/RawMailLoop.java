package dev.billingportal.bench;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Properties;

/**
 * The machine's limit for sending mail with Jakarta Mail to the local sink: {@code threads} loops, each on one
 * SMTP connection it keeps open, sending multipart/alternative messages of the portal's size — no database,
 * no queue, no templates.
 */
final class RawMailLoop {
    private RawMailLoop() {
    }

    /**
     * Sends messages on {@code threads} loops until at least {@code count} have gone and {@code minimum} has passed:
     * a few thousand messages take well under a second here, too short to measure on a shared machine.
     */
    static RawLoops.Result send(int smtpPort, int threads, long count, Duration minimum) throws InterruptedException {
        return send(smtpPort, threads, count, minimum, null);
    }

    /** One sending thread's database work around each of its mails (a delivery's row, claimed and recorded). */
    interface Recording extends AutoCloseable {
        /** Before mail {@code n}. */
        void claim(long n) throws Exception;

        /** After the server accepted mail {@code n}. */
        void sent(long n) throws Exception;
    }

    /** Opens one thread's {@link Recording}, on a connection of its own. */
    interface Recordings {
        Recording open() throws Exception;
    }

    /**
     * As {@link #send(int, int, long, Duration)}, each mail between a {@code recordings} claim and its record of the
     * send (none when {@code recordings} is null).
     */
    static RawLoops.Result send(int smtpPort, int threads, long count, Duration minimum, Recordings recordings)
            throws InterruptedException {
        // As the portal does (its mail adapter's StreamProviders): name Jakarta Mail's stream provider rather than
        // have it looked up through ServiceLoader for every body part. The baseline is Jakarta Mail at its best.
        System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(smtpPort));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        Session session = Session.getInstance(properties);
        return RawLoops.run("raw-mail", threads, count, minimum, () -> new MailSender(session, recordings));
    }

    /** One thread's kept-open SMTP connection, and its recording around each mail when there is one. */
    private static final class MailSender implements RawLoops.Sender {
        private final Session session;
        private final Transport transport;
        private Recording recording;

        MailSender(Session session, Recordings recordings) throws Exception {
            this.session = session;
            transport = session.getTransport("smtp");
            try {
                recording = recordings == null ? null : recordings.open();
                transport.connect();
            } catch (Exception failed) {
                close();
                throw failed;
            }
        }

        @Override
        public void send(long n) throws Exception {
            if (recording != null) {
                recording.claim(n);
            }
            MimeMessage message = message(session, n);
            transport.sendMessage(message, message.getAllRecipients());
            if (recording != null) {
                recording.sent(n);
            }
        }

        @Override
        public void close() throws Exception {
            try (Transport closing = transport; Recording alsoClosing = recording) {
                // both closed, the recording first
            }
        }
    }

    private static MimeMessage message(Session session, long n) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("billing@bench.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("raw" + (n % 10) + "@bench.example"));
        message.setSubject("Payment received: 1.00 CAD");
        String line = "Reference: RAW-" + n + "\nAccount:   Bench account (ACC-000001)\nAmount:    1.00 CAD\n";
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hello Bench,\n\n" + line.repeat(6), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<html><body><p>Hello Bench,</p><pre>" + line.repeat(6) + "</pre></body></html>",
                "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }
}
