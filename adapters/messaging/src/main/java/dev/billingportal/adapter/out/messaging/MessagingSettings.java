package dev.billingportal.adapter.out.messaging;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The broker: {@code embedded} (an Artemis broker in this process, its journal under {@code brokerDir})
 * or {@code remote} (a standalone Artemis at {@code url}). An embedded broker may also {@code listen} on a
 * loopback TCP address ({@code tcp://127.0.0.1:61616}) so that worker processes on the same host can share it;
 * it has no authentication, so it never listens beyond loopback.
 */
public record MessagingSettings(Mode mode, String url, String user, String password, Path brokerDir,
                                RetryPolicy retryPolicy, int consumers, String listen) {
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
        if (listen != null && !LoopbackAddress.isLoopback(listen)) {
            throw new IllegalArgumentException("portal.jms.listen must be a loopback address such as "
                    + "tcp://127.0.0.1:61616: the embedded broker has no authentication. For other hosts, run a "
                    + "standalone broker (portal.jms.mode=remote).");
        }
    }

    /** Passwords must not reach logs. */
    @Override
    public String toString() {
        return "MessagingSettings[mode=" + mode + ", url=" + url + ", user=" + user + ", brokerDir=" + brokerDir
                + ", retryPolicy=" + retryPolicy + ", consumers=" + consumers + ", listen=" + listen + "]";
    }
}
