package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "notification")
public class DeliveryRow {
    @Id
    UUID id;
    @Column(name = "event_id")
    UUID eventId;
    String kind;
    @Column(name = "account_id")
    UUID accountId;
    @Column(name = "recipient_user_id")
    UUID recipientUserId;
    @Column(name = "recipient_operator_id")
    UUID recipientOperatorId;
    @Column(name = "recipient_email")
    String recipientEmail;
    String status;
    int attempts;
    int stalls;
    @Column(name = "last_error")
    String lastError;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "sent_at")
    Instant sentAt;

    protected DeliveryRow() {
    }
}
