package dev.billingportal.adapter.out.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R9: what the broker applies to every address it holds — a dead-letter and an expiry address, a redelivery delay
 * above zero — and to the notifications a limit on attempts with backoff, so that a failing message is neither
 * retried within milliseconds nor dropped. Read from the running broker, not from our configuration code.
 */
class BrokerSettingsTest {
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
    void everyAddressHasADeadLetterAndExpiryAddressAndABackoffTheNotificationsAFiniteLimitAndWebhooksNone() {
        broker = new EmbeddedBroker(folder, RetryPolicy.DEFAULT);
        broker.start();

        List<String> addresses = broker.addresses();
        assertEquals(List.of(Queues.NOTIFICATIONS, Queues.DEAD_LETTERS, Queues.EXPIRED, Queues.WEBHOOKS).stream()
                        .sorted().toList(),
                addresses, "the portal's addresses, and no other");
        for (String address : addresses) {
            AddressSettings settings = broker.settingsOf(address);
            assertNotNull(settings.getDeadLetterAddress(), address + " has a dead-letter address");
            assertNotNull(settings.getExpiryAddress(), address + " has an expiry address");
            assertTrue(settings.getRedeliveryDelay() > 0, address + " waits before redelivering");
            assertEquals(false, settings.isAutoCreateQueues(), address + " creates no queue by accident");
        }

        AddressSettings notifications = broker.settingsOf(Queues.NOTIFICATIONS);
        assertEquals(Queues.DEAD_LETTERS, notifications.getDeadLetterAddress().toString());
        assertEquals(RetryPolicy.DEFAULT.brokerDeliveryAttempts(), notifications.getMaxDeliveryAttempts(),
                "finite: the last attempt dead-letters");
        assertEquals(20_000, notifications.getRedeliveryDelay(), "spec §6: the first retry within 30 s");
        assertEquals(3.0, notifications.getRedeliveryMultiplier());
        assertEquals(600_000, notifications.getMaxRedeliveryDelay());
        assertTrue(RetryPolicy.DEFAULT.retryWindow().compareTo(Duration.ofMinutes(10)) >= 0
                && RetryPolicy.DEFAULT.maxAttempts() >= 5, "spec §6: at least 5 attempts over at least 10 minutes");
        AddressSettings webhooks = broker.settingsOf(Queues.WEBHOOKS);
        assertEquals(-1, webhooks.getMaxDeliveryAttempts(), "the schedule is in the database: the broker never gives up");
        assertEquals(5_000, webhooks.getRedeliveryDelay());
        for (String parking : List.of(Queues.DEAD_LETTERS, Queues.EXPIRED)) {
            assertEquals(-1L, broker.settingsOf(parking).getExpiryDelay(), parking + " never expires a message");
        }
    }
}
