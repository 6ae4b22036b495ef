package dev.billingportal.adapter.out.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verbose broker logging must not stop the broker (Artemis' audit logging fails on JDK 24+). */
class EmbeddedBrokerLoggingTest {
    @TempDir
    Path folder;

    @Test
    void theBrokerStartsEvenWhenItsLoggingIsTurnedUp() {
        Logger artemis = Logger.getLogger("org.apache.activemq");
        Level before = artemis.getLevel();
        artemis.setLevel(Level.ALL);
        EmbeddedBroker broker = new EmbeddedBroker(folder, new RetryPolicy(Duration.ofMillis(100), 2.0,
                Duration.ofMillis(400), 3));
        try {
            broker.start();
            assertTrue(broker.isActive());
        } finally {
            broker.stop();
            artemis.setLevel(before);
        }
    }
}
