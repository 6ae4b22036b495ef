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
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The machine's limit for sending mail with Jakarta Mail to the local sink: {@code threads} loops, each on one
 * SMTP connection it keeps open, sending multipart/alternative messages of the portal's size — no database,
 * no queue, no templates.
 */
final class RawMailLoop {
    private RawMailLoop() {
    }

    /** Sends {@code count} messages in all; returns how long it took. */
    static Duration send(int smtpPort, int threads, long count) throws InterruptedException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(smtpPort));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        Session session = Session.getInstance(properties);
        AtomicLong next = new AtomicLong();
        List<Thread> loops = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            loops.add(Thread.ofPlatform().name("raw-mail-" + t).start(() -> {
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect();
                    long n;
                    while ((n = next.getAndIncrement()) < count) {
                        MimeMessage message = message(session, n);
                        transport.sendMessage(message, message.getAllRecipients());
                    }
                } catch (MessagingException failure) {
                    synchronized (failures) {
                        failures.add(failure);
                    }
                }
            }));
        }
        for (Thread loop : loops) {
            loop.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("raw mail loop failed", failures.get(0));
        }
        return Duration.ofNanos(System.nanoTime() - started);
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
