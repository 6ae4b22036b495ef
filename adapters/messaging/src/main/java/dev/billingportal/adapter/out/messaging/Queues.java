package dev.billingportal.adapter.out.messaging;

/** The broker addresses the portal uses (spec §6). */
public final class Queues {
    /** Deliveries waiting to be mailed; one message per delivery, its body the delivery's id. */
    public static final String NOTIFICATIONS = "billing.notifications";
    /** Deliveries given up on; visible to operators through the deliveries' FAILED status. */
    public static final String DEAD_LETTERS = "billing.notifications.dlq";
    /** Messages that expired (none do by default; the address exists so that expiry never drops one). */
    public static final String EXPIRED = "billing.notifications.expired";
    /** A message property carrying the delivery id, for operators browsing the queues. */
    public static final String NOTIFICATION_ID = "notificationId";

    private Queues() {
    }
}
