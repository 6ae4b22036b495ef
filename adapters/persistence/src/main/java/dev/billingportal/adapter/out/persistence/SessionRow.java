package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "user_session")
public class SessionRow {
    @Id
    @Column(name = "token_hash")
    String tokenHash;
    @Column(name = "user_id")
    UUID userId;
    @Column(name = "channel")
    String channel;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "last_used_at")
    Instant lastUsedAt;
    @Column(name = "expires_at")
    Instant expiresAt;

    protected SessionRow() {
    }
}
