package dev.billingportal.adapter.out.messaging;

/** The broker addresses the portal uses (spec §6). */
public final class Queues {
    /** Deliveries waiting to be mailed; one message per delivery, its body the delivery's id. */
    public static final String NOTIFICATIONS = "billing.notifications";
    /** Deliveries given up on; visible to operators through the deliveries' FAILED status. */
    public static final String DEAD_LETTERS = "billing.notifications.dlq";
    /** Messages that expired (none do by default; the address exists so that expiry never drops one). */
    public static final String EXPIRED = "billing.notifications.expired";
    /**
     * Webhook messages due for an attempt; one queue message per attempt, its body the message's {@code msg_} id and
     * {@link #LEASE} the lease it was queued under.
     */
    public static final String WEBHOOKS = "billing.webhooks";
    /** The property carrying the lease a webhook message was queued under. */
    public static final String LEASE = "lease";
    /** A message property carrying the delivery id, for operators browsing the queues. */
    public static final String NOTIFICATION_ID = "notificationId";

    private Queues() {
    }
}
