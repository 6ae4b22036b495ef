package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One secret of an API key, as SHA-256; {@code validUntil} is set when a rotation retires it (its grace's end). */
@Entity
@Table(name = "api_key_secret")
public class ApiKeySecretRow {
    @Id
    @Column(name = "secret_hash")
    String secretHash;
    @Column(name = "key_id")
    UUID keyId;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "valid_until")
    Instant validUntil;

    protected ApiKeySecretRow() {
    }
}
