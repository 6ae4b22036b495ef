package dev.billingportal.application.port.in.notification;

/** What became of one attempt to deliver a notification; tells the queue listener what to do with the message. */
public enum DeliveryOutcome {
    /** The mail server accepted the mail: acknowledge the message. */
    SENT(true),
    /** Already sent or given up earlier, or unknown (a duplicate message): acknowledge it. */
    NOTHING_TO_DO(true),
    /** Rejected for good, or nothing left worth sending: the delivery is FAILED; acknowledge. */
    FAILED(true),
    /** A temporary failure: roll the message back so the broker redelivers it after its backoff. */
    RETRY_LATER(false),
    /** A temporary failure on the last attempt: the delivery is FAILED; move the message to the dead-letter queue. */
    DEAD_LETTER(true);

    private final boolean acknowledge;

    DeliveryOutcome(boolean acknowledge) {
        this.acknowledge = acknowledge;
    }

    public boolean acknowledge() {
        return acknowledge;
    }
}
