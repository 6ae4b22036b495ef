package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "one_time_token")
public class OneTimeTokenRow {
    @Id
    @Column(name = "token_hash")
    String tokenHash;
    @Column(name = "user_id")
    UUID userId;
    @Column(name = "operator_id")
    UUID operatorId;
    String purpose;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "expires_at")
    Instant expiresAt;
    @Column(name = "used_at")
    Instant usedAt;

    protected OneTimeTokenRow() {
    }
}
