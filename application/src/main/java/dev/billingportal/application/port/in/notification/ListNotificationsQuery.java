package dev.billingportal.application.port.in.notification;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.notification.Delivery;

public interface ListNotificationsQuery {

    /** The account's billing notifications — event, recipient, status, attempts — newest first. */
    Page<Delivery> list(Actor actor, AccountId account, PageRequest page);

    /** The same page, each delivery with the event it told of, read together (one query for all the events). */
    Page<BillingNotification> withEvents(Actor actor, AccountId account, PageRequest page);
}
