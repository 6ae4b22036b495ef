package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "outbox_entry")
public class OutboxEntryRow {
    @Id
    UUID id;
    @Column(name = "notification_id")
    UUID notificationId;
    @Column(name = "webhook_message_id")
    String webhookMessageId;
    /** The bill run whose posting caused the mail: it waits for the run (V18). */
    @Column(name = "bill_run_id")
    UUID billRunId;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "published_at")
    Instant publishedAt;
    @Column(name = "claimed_by")
    UUID claimedBy;
    @Column(name = "claimed_until")
    Instant claimedUntil;

    protected OutboxEntryRow() {
    }
}
