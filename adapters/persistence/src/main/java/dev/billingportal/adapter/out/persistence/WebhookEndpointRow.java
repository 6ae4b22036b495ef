package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A webhook endpoint; {@code eventTypes} comma-separated, {@code accountId} null for the provider's. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpointRow {
    @Id
    UUID id;
    @Column(name = "account_id")
    UUID accountId;
    String owner;
    int slot;
    String url;
    String description;
    @Column(name = "event_types")
    String eventTypes;
    @Column(name = "created_at")
    Instant createdAt;
    String disabled;
    @Column(name = "failing_since")
    Instant failingSince;

    protected WebhookEndpointRow() {
    }
}
