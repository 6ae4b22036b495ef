package dev.billingportal.application.port.in.webhook;

import java.util.UUID;

/** A worker's one attempt of a queued webhook message. */
public interface DeliverWebhookUseCase {

    /** What came of a queue message. Every outcome settles it: the schedule lives in the database, not the queue. */
    enum Outcome {
        /** The attempt was made and recorded: delivered, or waiting for its next step, or failed. */
        ATTEMPTED,
        /** The endpoint had as many attempts in flight as it may: the message waits a moment, no attempt counted. */
        DEFERRED,
        /** The queue message was a copy (its lease is no longer the message's), or the message is gone. */
        NOTHING_TO_DO
    }

    /** Tries {@code message} if {@code lease} — the lease its queue message was published under — still holds it. */
    Outcome deliver(String message, UUID lease);
}
