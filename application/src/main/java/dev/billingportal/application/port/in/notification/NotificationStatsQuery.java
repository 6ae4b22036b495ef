package dev.billingportal.application.port.in.notification;

import java.time.Duration;

public interface NotificationStatsQuery {

    /** Deliveries by status, and how long the oldest unpublished outbox entry has waited (zero if none). */
    record Stats(long pending, long sent, long failed, long unpublished, Duration outboxLag) {
    }

    Stats stats();
}
