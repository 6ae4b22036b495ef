package dev.billingportal.adapter.in.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Keeps the web server's wire log shut, whatever level the rest of the logging is set to: at FINE, Helidon's HTTP
 * connection listeners print every request's headers — {@code Authorization: Bearer …} and the session cookie among
 * them — and its frames. Secrets never reach a log line (SecretsStayOutOfLogsTest turns every logger to ALL and
 * searches every record), so these stay at INFO; to see requests, use the access log of the load balancer.
 */
@ApplicationScoped
public class WireLogs {
    /** Held here so that java.util.logging cannot collect the loggers and forget their level. */
    private static final List<Logger> PINNED = Stream.of(
                    "io.helidon.webserver.http1.Http1LoggingConnectionListener",
                    "io.helidon.webserver.http1.Http1LoggingConnectionListener.recv",
                    "io.helidon.webserver.http1.Http1LoggingConnectionListener.send",
                    "io.helidon.webserver.http2.Http2LoggingFrameListener",
                    "io.helidon.webserver.http2.Http2LoggingFrameListener.recv",
                    "io.helidon.webserver.http2.Http2LoggingFrameListener.send")
            .map(Logger::getLogger)
            .toList();

    /** Before the server starts and opens its first connection. */
    void shut(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) @Initialized(ApplicationScoped.class)
              Object event) {
        PINNED.forEach(logger -> logger.setLevel(Level.INFO));
    }
}
