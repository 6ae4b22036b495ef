package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "api_key")
public class ApiKeyRow {
    @Id
    UUID id;
    String name;
    String role;
    String prefix;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "created_by_kind")
    String createdByKind;
    @Column(name = "created_by_id")
    UUID createdById;
    @Column(name = "created_by_name")
    String createdByName;
    @Column(name = "expires_at")
    Instant expiresAt;
    @Column(name = "revoked_at")
    Instant revokedAt;
    @Column(name = "last_used_at")
    Instant lastUsedAt;

    protected ApiKeyRow() {
    }
}
