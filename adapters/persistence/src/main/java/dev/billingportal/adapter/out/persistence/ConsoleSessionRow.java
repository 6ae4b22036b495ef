package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "console_session")
public class ConsoleSessionRow {
    @Id
    @Column(name = "token_hash")
    String tokenHash;
    @Column(name = "operator_id")
    UUID operatorId;
    String stage;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "last_used_at")
    Instant lastUsedAt;
    @Column(name = "expires_at")
    Instant expiresAt;
    @Column(name = "second_factor_at")
    Instant secondFactorAt;
    String challenge;

    protected ConsoleSessionRow() {
    }
}
