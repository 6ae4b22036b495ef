package dev.billingportal.application.port.in.notification;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.notification.DeliveryStatus;
import dev.billingportal.domain.notification.Delivery;
import java.util.Optional;

public interface ListDeliveriesQuery {

    /** Every account's deliveries of every kind, optionally in one status (FAILED...): the operators' view. */
    Page<Delivery> list(Actor actor, Optional<DeliveryStatus> status, PageRequest page);

    /** How many of every account's deliveries are in {@code status}: the console's count of failed ones. */
    long count(Actor actor, DeliveryStatus status);
}
