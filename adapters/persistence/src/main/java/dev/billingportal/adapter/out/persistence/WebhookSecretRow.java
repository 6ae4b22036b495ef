package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One signing secret of an endpoint, sealed ({@link SecretSeal}, this row's id as associated data). */
@Entity
@Table(name = "webhook_secret")
public class WebhookSecretRow {
    @Id
    UUID id;
    @Column(name = "endpoint_id")
    UUID endpointId;
    int seq;
    String sealed;
    @Column(name = "valid_until")
    Instant validUntil;

    protected WebhookSecretRow() {
    }
}
