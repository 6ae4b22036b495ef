package dev.billingportal.bootstrap;

import io.helidon.logging.common.LogConfig;
import io.helidon.microprofile.server.Server;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts the portal: {@code java -jar bootstrap/target/billing-portal.jar}. If the HTTP port is taken or
 * startup fails, it says why and exits non-zero — the broker's threads must not keep a half-started
 * process alive.
 */
public final class BillingPortalMain {
    private static final Logger LOG = Logger.getLogger(BillingPortalMain.class.getName());

    private BillingPortalMain() {
    }

    public static void main(String[] args) {
        GlobalMappers.setOnce();
        LogConfig.configureRuntime();
        Config config = ConfigProvider.getConfig();
        String host = config.getOptionalValue("server.host", String.class).orElse("localhost");
        int port = config.getOptionalValue("server.port", Integer.class).orElse(8080);
        if (port > 0 && !available(host, port)) {
            fail("Port " + port + " on " + host + " is already in use. Stop the other process, or choose another "
                    + "port with server.port (environment variable SERVER_PORT).", null);
        }
        beginBackingServices(config);
        try {
            long start = System.nanoTime();
            Server server = Server.create().start();
            if (server.port() <= 0) {
                fail("The HTTP server did not start on " + host + ":" + port + ".", null);
            }
            LOG.info(String.format("Billing Portal ready at http://%s:%d in %d ms", server.host(), server.port(),
                    (System.nanoTime() - start) / 1_000_000));
        } catch (RuntimeException | Error failure) {
            fail("The Billing Portal failed to start: " + failure.getMessage(), failure);
        }
    }

    /**
     * The database and the broker begin to open now, while the container boots (0.2–0.7 s off a start on two
     * cores: docs/performance.md, finding 12). A configuration that cannot be read is left for the portal's own
     * start to report, with the message every start gives.
     */
    private static void beginBackingServices(Config config) {
        try {
            BackingServices.beginEarly(PortalSettings.from(config));
        } catch (RuntimeException unreadable) {
            LOG.log(Level.FINE, "Not begun before the container", unreadable);
        }
    }

    private static boolean available(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static void fail(String message, Throwable cause) {
        LOG.log(Level.SEVERE, message, cause);
        System.err.println("ERROR: " + message);
        System.exit(1);
    }
}
