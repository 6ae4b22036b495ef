package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.TestPortal;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database and broker the main begins before the container are the ones the container's portal uses. */
class BackingServicesTest {
    @TempDir
    Path dataDir;

    private static PortalSettings settings(Path dataDir, String role) {
        return PortalSettings.from(ConfigProviderResolver.instance().getBuilder().withSources(TestPortal.source(Map.of(
                "portal.data-dir", dataDir.toString(), "portal.role", role))).build());
    }

    @Test
    void thePortalTakesWhatWasBegunEarlyForItsSettingsOnce() {
        PortalSettings settings = settings(dataDir, "all");
        BackingServices early = BackingServices.beginEarly(settings);
        BackingServices taken = BackingServices.begin(settings);
        try {
            assertSame(early, taken, "the database and broker begun before the container");
            assertTrue(taken.database().isReachable());
            assertTrue(taken.broker().embeddedBroker().orElseThrow().isActive());
        } finally {
            taken.closeQuietly();
        }
        BackingServices again = BackingServices.begin(settings(dataDir.resolve("second"), "api"));
        try {
            assertNotSame(early, again, "what was begun early is taken once");
        } finally {
            again.closeQuietly();
        }
    }

    @Test
    void whatWasBegunForOtherSettingsIsClosedAndTheConfiguredOnesOpened() {
        BackingServices early = BackingServices.beginEarly(settings(dataDir.resolve("early"), "all"));
        BackingServices opened = BackingServices.begin(settings(dataDir.resolve("configured"), "api"));
        try {
            assertNotSame(early, opened);
            assertFalse(early.database().entityManagerFactory().isOpen(), "the unused database is closed");
            assertFalse(early.broker().embeddedBroker().orElseThrow().isActive(), "the unused broker is stopped");
            assertTrue(opened.database().isReachable());
            assertNull(opened.broker(), "the api role starts no broker");
        } finally {
            opened.closeQuietly();
        }
    }
}
