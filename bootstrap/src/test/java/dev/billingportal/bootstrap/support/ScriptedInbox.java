package dev.billingportal.bootstrap.support;

import dev.billingportal.testing.ScriptedSmtpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;

/** The messages a scripted SMTP server accepted, parsed. */
public final class ScriptedInbox implements Inbox {
    private final Supplier<ScriptedSmtpServer> server;

    public ScriptedInbox(Supplier<ScriptedSmtpServer> server) {
        this.server = server;
    }

    public List<MimeMessage> all() {
        return server.get().received().stream().map(ScriptedInbox::parse).toList();
    }

    @Override
    public List<MimeMessage> to(String address) {
        return server.get().received().stream()
                .filter(received -> received.recipients().stream().anyMatch(r -> r.equalsIgnoreCase(address)))
                .map(ScriptedInbox::parse)
                .toList();
    }

    static MimeMessage parse(ScriptedSmtpServer.Received received) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(received.data().getBytes(StandardCharsets.UTF_8)));
        } catch (MessagingException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
