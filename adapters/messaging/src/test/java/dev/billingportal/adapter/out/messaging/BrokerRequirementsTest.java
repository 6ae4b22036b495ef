package dev.billingportal.adapter.out.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped broker configuration ({@code deploy/artemis/broker.properties}) and the embedded broker do not drift:
 * the file a standalone broker is made with is the one the embedded broker applies, and its redelivery figures are
 * those of a portal with the default retry policy. What a broker lacks is told in words an operator can act on.
 */
class BrokerRequirementsTest {
    private static final Path SHIPPED = Path.of("..", "..", "deploy", "artemis", "broker.properties");
    private static final List<String> ADDRESSES = List.of(Queues.NOTIFICATIONS, Queues.DEAD_LETTERS, Queues.EXPIRED,
            Queues.WEBHOOKS);

    @TempDir
    Path folder;
    private EmbeddedBroker broker;

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void theShippedFileIsWhatTheEmbeddedBrokerAppliesWithTheDefaultRetryPolicy() throws Exception {
        assertTrue(Files.isRegularFile(SHIPPED), SHIPPED.toAbsolutePath() + " is shipped");
        ConfigurationImpl shipped = new ConfigurationImpl();
        shipped.parseProperties(SHIPPED.toAbsolutePath().toString());
        assertEquals(ADDRESSES.stream().sorted().toList(), shipped.getAddressConfigurations().stream()
                .map(address -> address.getName()).sorted().toList(), "the portal's addresses, and no other");
        BrokerRequirements requirements = BrokerRequirements.of(RetryPolicy.DEFAULT);

        broker = new EmbeddedBroker(folder, RetryPolicy.DEFAULT);
        broker.start();
        for (String address : ADDRESSES) {
            assertEquals(shipped.getAddressSettings().get(address), requirements.settingsFor(address),
                    address + ": the shipped settings are the default portal's");
            assertEquals(shipped.getAddressSettings().get(address).getRedeliveryDelay(),
                    broker.settingsOf(address).getRedeliveryDelay(), address + " as the embedded broker applies it");
        }
        Map<String, String> applied = ADDRESSES.stream()
                .collect(Collectors.toMap(address -> address, address -> broker.settingsOf(address).toJSON()));
        assertEquals(List.of(), requirements.unmetBy(applied, broker.addresses()),
                "the embedded broker applies everything the requirements ask");
    }

    @Test
    void aPortalWithItsOwnRetryPolicyNeedsItsFiguresOnTheNotificationsAddress() {
        RetryPolicy quick = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 4);
        broker = new EmbeddedBroker(folder, quick);
        broker.start();
        assertEquals(1_000, broker.settingsOf(Queues.NOTIFICATIONS).getRedeliveryDelay());
        assertEquals(8, broker.settingsOf(Queues.NOTIFICATIONS).getMaxDeliveryAttempts());

        Map<String, String> applied = ADDRESSES.stream()
                .collect(Collectors.toMap(address -> address, address -> broker.settingsOf(address).toJSON()));
        List<String> unmet = BrokerRequirements.of(RetryPolicy.DEFAULT).unmetBy(applied, broker.addresses());
        assertEquals(Set.of(
                "billing.notifications: redeliveryDelay is 1000, the portal needs 20000",
                "billing.notifications: redeliveryMultiplier is 2.0, the portal needs 3.0",
                "billing.notifications: maxRedeliveryDelay is 30000, the portal needs 600000",
                "billing.notifications: maxDeliveryAttempts is 8, the portal needs 12"),
                Set.copyOf(unmet), "the four figures, and nothing else");
    }

    @Test
    void aStockBrokerLacksTheQueuesTheBackoffAndTheDeadLetterAddress() {
        // What Artemis' management API answers for an address under the distribution's catch-all setting.
        String stock = "{\"deadLetterAddress\":\"DLQ\",\"expiryAddress\":\"ExpiryQueue\",\"redeliveryDelay\":0,"
                + "\"autoCreateQueues\":true,\"autoCreateAddresses\":true,\"addressFullMessagePolicy\":\"PAGE\"}";
        List<String> unmet = BrokerRequirements.of(RetryPolicy.DEFAULT).unmetBy(
                Map.of(Queues.NOTIFICATIONS, stock, Queues.DEAD_LETTERS, stock, Queues.EXPIRED, stock,
                        Queues.WEBHOOKS, stock),
                List.of("DLQ", "ExpiryQueue"));
        assertTrue(unmet.contains("the queue billing.notifications is missing"), unmet.toString());
        assertTrue(unmet.contains("billing.notifications: redeliveryDelay is 0, the portal needs 20000"), unmet.toString());
        assertTrue(unmet.contains("billing.notifications: deadLetterAddress is DLQ, the portal needs "
                + "billing.notifications.dlq"), unmet.toString());
        assertTrue(unmet.contains("billing.notifications: maxDeliveryAttempts is the broker's default, the portal "
                + "needs 12"), unmet.toString());
        assertTrue(unmet.contains("the queue billing.webhooks is missing"), unmet.toString());
        assertTrue(unmet.stream().noneMatch(reason -> reason.contains("addressFullMessagePolicy")),
                "what the broker does apply is not reported: " + unmet);
    }
}
