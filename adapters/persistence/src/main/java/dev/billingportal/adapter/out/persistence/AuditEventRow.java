package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "audit_event")
public class AuditEventRow {
    @Id
    UUID id;
    @Column(name = "account_id")
    UUID accountId;
    @Column(name = "occurred_at")
    Instant occurredAt;
    @Column(name = "actor_type")
    String actorType;
    @Column(name = "actor_id")
    UUID actorId;
    @Column(name = "actor_label")
    String actorLabel;
    String action;
    @Column(name = "subject_type")
    String subjectType;
    @Column(name = "subject_id")
    UUID subjectId;
    @Column(name = "subject_label")
    String subjectLabel;
    /** JSON array of {field, before, after}. */
    String changes;
    String reason;
    String factor;
    @Column(name = "customer_visible")
    boolean customerVisible;
    @Column(name = "provider_visible")
    boolean providerVisible;

    protected AuditEventRow() {
    }
}
