package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "operator")
public class OperatorRow {
    @Id
    UUID id;
    String email;
    @Column(name = "email_key")
    String emailKey;
    String name;
    String role;
    String status;
    String language;
    @Column(name = "time_zone")
    String timeZone;
    @Column(name = "password_hash")
    String passwordHash;
    /** Sealed ({@link SecretSeal}), never the secret itself. */
    @Column(name = "totp_secret")
    String totpSecret;
    @Column(name = "pending_totp_secret")
    String pendingTotpSecret;
    @Column(name = "totp_last_step")
    long totpLastStep;
    @Column(name = "last_sign_in_at")
    Instant lastSignInAt;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;
    @Version
    long version;

    protected OperatorRow() {
    }
}
