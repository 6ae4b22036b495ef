package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "passkey")
public class PasskeyRow {
    @Id
    @Column(name = "credential_id")
    String credentialId;
    @Column(name = "operator_id")
    UUID operatorId;
    String name;
    @Column(name = "verifier_record")
    String verifierRecord;
    @Column(name = "sign_count")
    long signCount;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "last_used_at")
    Instant lastUsedAt;

    protected PasskeyRow() {
    }
}
