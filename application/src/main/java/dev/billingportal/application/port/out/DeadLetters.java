package dev.billingportal.application.port.out;

import dev.billingportal.domain.notification.DeliveryId;
import java.util.Collection;
import java.util.Set;

/** The dead-letter queue, as far as the deliveries' messages on it go. */
public interface DeadLetters {

    /**
     * The deliveries whose messages are among the first {@code limit} on the queue (a message without a delivery
     * id is left for operators). Throws {@link QueueUnavailable} when the broker cannot be asked.
     */
    Set<DeliveryId> peek(int limit);

    /** Removes every message of these deliveries from the queue; returns how many. */
    int discard(Collection<DeliveryId> deliveries);
}
