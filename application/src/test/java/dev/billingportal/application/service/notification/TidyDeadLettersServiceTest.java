package dev.billingportal.application.service.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billingportal.application.port.out.DeadLetters;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.testing.InMemoryPortal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dead-letter queue keeps the messages of FAILED deliveries only. */
class TidyDeadLettersServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final List<DeliveryId> queue = new ArrayList<>();
    private final DeadLetters deadLetters = new DeadLetters() {
        @Override
        public Set<DeliveryId> peek(int limit) {
            return new LinkedHashSet<>(queue.subList(0, Math.min(limit, queue.size())));
        }

        @Override
        public int discard(Collection<DeliveryId> deliveries) {
            int before = queue.size();
            queue.removeIf(deliveries::contains);
            return before - queue.size();
        }
    };
    private final TidyDeadLettersService tidy = new TidyDeadLettersService(portal.stores.unitOfWork(),
            portal.stores.deliveries(), deadLetters, 10);
    private final Account account = portal.account();

    private Delivery settle(Delivery delivery, boolean sent) {
        if (sent) {
            delivery.sent(portal.clock.instant());
        } else {
            delivery.failed("550 no such user", true);
        }
        portal.stores.deliveries().update(delivery);
        return delivery;
    }

    @Test
    void removesTheMessagesOfDeliveriesNoLongerFailedAndKeepsTheFailedOnes() {
        Delivery failed = settle(portal.invitationTo(account, "Ann"), false);
        Delivery redrivenAndSent = settle(portal.invitationTo(account, "Bob"), true);
        Delivery redrivenPending = portal.invitationTo(account, "Cy");
        DeliveryId deletedByRetention = DeliveryId.random();
        queue.addAll(List.of(failed.id(), redrivenAndSent.id(), redrivenPending.id(), deletedByRetention));

        assertEquals(3, tidy.tidy());

        assertEquals(List.of(failed.id()), queue);
        assertEquals(0, tidy.tidy(), "nothing more to do");
    }
}
