package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A webhook message; {@code lease} and {@code leaseUntil} say who holds it while it is queued or being sent. */
@Entity
@Table(name = "webhook_message")
public class WebhookMessageRow {
    @Id
    String id;
    @Column(name = "endpoint_id")
    UUID endpointId;
    @Column(name = "event_type")
    String eventType;
    String body;
    @Column(name = "created_at")
    Instant createdAt;
    String status;
    int attempts;
    @Column(name = "next_attempt_at")
    Instant nextAttemptAt;
    @Column(name = "delivered_at")
    Instant deliveredAt;
    UUID lease;
    @Column(name = "lease_until")
    Instant leaseUntil;

    protected WebhookMessageRow() {
    }
}
