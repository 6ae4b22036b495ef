package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "account_transaction")
public class TransactionRow {
    @Id
    UUID id;
    @Column(name = "account_id")
    UUID accountId;
    long sequence;
    String type;
    @Column(name = "amount_minor")
    long amountMinor;
    String currency;
    @Column(name = "posted_at")
    Instant postedAt;
    String reference;
    String description;
    @Column(name = "invoice_id")
    UUID invoiceId;
    @Column(name = "invoice_number")
    String invoiceNumber;
    @Column(name = "balance_after_minor")
    long balanceAfterMinor;
    @Column(name = "idempotency_key")
    String idempotencyKey;
    @Column(name = "request_fingerprint")
    String requestFingerprint;
    @Column(name = "created_at")
    Instant createdAt;

    protected TransactionRow() {
    }
}
