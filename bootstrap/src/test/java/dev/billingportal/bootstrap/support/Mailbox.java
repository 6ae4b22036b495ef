package dev.billingportal.bootstrap.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** A GreenMail SMTP server on loopback, started before the portal under test reads its configuration. */
public final class Mailbox implements Inbox {
    private final GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    public Mailbox() {
        greenMail.start();
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    public List<MimeMessage> all() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    @Override
    public List<MimeMessage> to(String address) {
        return all().stream().filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
            } catch (MessagingException failure) {
                throw new IllegalStateException(failure);
            }
        }).toList();
    }

    public void reset() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    public void stop() {
        greenMail.stop();
    }

    /** The text/plain part of a multipart/alternative message. */
    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(MimeMessage message, String type) {
        try {
            MimeMultipart parts = (MimeMultipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                Part part = parts.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return (String) part.getContent();
                }
            }
            throw new AssertionError("No " + type + " part");
        } catch (MessagingException | IOException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
