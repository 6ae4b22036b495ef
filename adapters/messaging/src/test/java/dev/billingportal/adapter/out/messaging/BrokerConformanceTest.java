package dev.billingportal.adapter.out.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check a remote portal makes of its broker, through the real management API (of an embedded broker here; the
 * standalone ones are {@code StandaloneBrokerIT}'s): a broker with the settings conforms; one whose redelivery
 * differs from the portal's does not, and says which figure; one that cannot be asked has not conformed, unless it
 * had.
 */
class BrokerConformanceTest {
    @TempDir
    Path folder;
    private EmbeddedBroker broker;
    private BrokerConnections connections;
    private BrokerConformance conformance;

    @AfterEach
    void stop() {
        if (conformance != null) {
            conformance.close();
        }
        if (connections != null) {
            connections.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    private BrokerConformance checking(RetryPolicy brokerPolicy, RetryPolicy portalPolicy) {
        broker = new EmbeddedBroker(folder, brokerPolicy);
        broker.start();
        connections = new BrokerConnections(broker.url(), null, null, false);
        conformance = new BrokerConformance(connections, BrokerRequirements.of(portalPolicy), Duration.ofSeconds(30));
        return conformance;
    }

    @Test
    void aBrokerWithThePortalsSettingsConforms() {
        BrokerConformance.Verdict verdict = checking(RetryPolicy.DEFAULT, RetryPolicy.DEFAULT)
                .check(BrokerConformance.Verdict.NOT_YET_CHECKED);
        assertTrue(verdict.conforms(), verdict.reason());
    }

    @Test
    void aBrokerRetryingOtherwiseThanThePortalDoesNotAndSaysWhichFigure() {
        RetryPolicy quick = new RetryPolicy(Duration.ofSeconds(1), 3.0, Duration.ofMinutes(10), 6);
        BrokerConformance.Verdict verdict = checking(quick, RetryPolicy.DEFAULT)
                .check(BrokerConformance.Verdict.NOT_YET_CHECKED);
        assertFalse(verdict.conforms());
        assertTrue(verdict.reason().contains("billing.notifications: redeliveryDelay is 1000, the portal needs 20000"),
                verdict.reason());
        assertFalse(verdict.reason().contains("maxDeliveryAttempts"), "only what differs: " + verdict.reason());
    }

    @Test
    void aBrokerThatCannotBeAskedHasNotConformedUnlessItHadBefore() {
        BrokerConformance check = checking(RetryPolicy.DEFAULT, RetryPolicy.DEFAULT);
        BrokerConformance.Verdict conformed = check.check(BrokerConformance.Verdict.NOT_YET_CHECKED);
        assertTrue(conformed.conforms(), conformed.reason());
        broker.stop();

        BrokerConformance.Verdict unknown = check.check(BrokerConformance.Verdict.NOT_YET_CHECKED);
        assertFalse(unknown.conforms());
        assertTrue(unknown.reason().startsWith("cannot ask the broker for its settings"), unknown.reason());
        assertEquals(conformed, check.check(conformed), "a broker that conformed and is away keeps its verdict");
    }
}
