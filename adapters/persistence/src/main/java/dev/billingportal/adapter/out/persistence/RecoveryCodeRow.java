package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "operator_recovery_code")
public class RecoveryCodeRow {
    @Id
    @Column(name = "code_hash")
    String codeHash;
    @Column(name = "operator_id")
    UUID operatorId;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "used_at")
    Instant usedAt;

    protected RecoveryCodeRow() {
    }
}
