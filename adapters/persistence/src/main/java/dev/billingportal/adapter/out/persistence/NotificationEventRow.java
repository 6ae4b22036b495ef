package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "notification_event")
public class NotificationEventRow {
    @Id
    UUID id;
    String kind;
    @Column(name = "account_id")
    UUID accountId;
    @Column(name = "occurred_at")
    Instant occurredAt;
    /** The event's facts as a JSON object of strings. */
    String facts;

    protected NotificationEventRow() {
    }
}
