package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One attempt of a webhook message: its HTTP status or its error, and the first KiB of the answer. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttemptRow {
    @Id
    UUID id;
    @Column(name = "message_id")
    String messageId;
    @Column(name = "attempted_at")
    Instant attemptedAt;
    @Column(name = "took_ms")
    long tookMs;
    @Column(name = "http_status")
    Integer httpStatus;
    String error;
    String answer;

    protected WebhookAttemptRow() {
    }
}
