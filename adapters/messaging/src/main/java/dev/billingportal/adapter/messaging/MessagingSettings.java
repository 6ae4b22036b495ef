package dev.billingportal.adapter.messaging;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The broker: {@code embedded} (an Artemis broker in this process, its journal under {@code brokerDir})
 * or {@code remote} (a standalone Artemis at {@code url}).
 */
public record MessagingSettings(Mode mode, String url, String user, String password, Path brokerDir,
                                RetryPolicy retryPolicy, int consumers) {
    public enum Mode {
        EMBEDDED, REMOTE
    }

    public MessagingSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        if (mode == Mode.REMOTE && (url == null || url.isBlank())) {
            throw new IllegalArgumentException("portal.jms.url is required when portal.jms.mode is remote");
        }
        if (mode == Mode.EMBEDDED) {
            Objects.requireNonNull(brokerDir, "brokerDir");
        }
        if (consumers < 1) {
            throw new IllegalArgumentException("consumers must be at least 1");
        }
    }

    /** Passwords must not reach logs. */
    @Override
    public String toString() {
        return "MessagingSettings[mode=" + mode + ", url=" + url + ", user=" + user + ", brokerDir=" + brokerDir
                + ", retryPolicy=" + retryPolicy + ", consumers=" + consumers + "]";
    }
}
