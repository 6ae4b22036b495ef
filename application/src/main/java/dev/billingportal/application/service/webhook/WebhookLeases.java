package dev.billingportal.application.service.webhook;

import java.time.Duration;

/** How long a webhook message is held by whoever has it, before it is due again (spec §13's "nothing is lost"). */
final class WebhookLeases {
    /**
     * A queued message waits this long for a worker to take it. Past it, with its outbox entry published, the queue
     * message is taken for lost and the message is queued again; a copy that still arrives finds its lease gone.
     */
    static final java.time.Duration QUEUED = Duration.ofMinutes(2);
    /** A worker holds a message this long: more than an attempt's 10 s to connect and 15 s to answer. */
    static final Duration SENDING = Duration.ofSeconds(60);
    /** A message whose endpoint has as many attempts in flight as it may waits this long, no attempt counted. */
    static final Duration DEFERRED = Duration.ofSeconds(1);

    private WebhookLeases() {
    }
}
