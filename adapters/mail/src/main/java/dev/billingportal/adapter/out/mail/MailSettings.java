package dev.billingportal.adapter.out.mail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where mail goes: {@code FILE} writes each message as an {@code .eml} file into {@code mailDir} (the
 * default, so a newcomer sees every e-mail without a mail server); {@code SMTP} sends it. The three SMTP
 * timeouts are always set: Jakarta Mail's defaults are infinite, and a dead server must not pin a worker.
 */
public record MailSettings(Transport transport, String from, Path mailDir, String smtpHost, int smtpPort,
                           String smtpUsername, String smtpPassword, boolean startTls, Duration connectTimeout,
                           Duration readTimeout, Duration writeTimeout, String messageIdDomain) {
    public enum Transport {
        FILE, SMTP
    }

    public MailSettings {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(messageIdDomain, "messageIdDomain");
        if (transport == Transport.FILE) {
            Objects.requireNonNull(mailDir, "mailDir");
        } else {
            Objects.requireNonNull(smtpHost, "smtpHost");
        }
    }

    /** Passwords must not reach logs. */
    @Override
    public String toString() {
        return "MailSettings[transport=" + transport + ", from=" + from + ", mailDir=" + mailDir + ", smtpHost="
                + smtpHost + ", smtpPort=" + smtpPort + ", smtpUsername=" + smtpUsername + ", startTls=" + startTls
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", writeTimeout="
                + writeTimeout + "]";
    }
}
