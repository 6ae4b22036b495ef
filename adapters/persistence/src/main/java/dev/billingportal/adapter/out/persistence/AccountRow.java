package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "account")
public class AccountRow {
    @Id
    UUID id;
    @Column(name = "account_number")
    String accountNumber;
    String name;
    String currency;
    @Column(name = "created_at")
    Instant createdAt;
    /** The ledger (see {@link JpaLedgers}). */
    @Column(name = "last_sequence")
    long lastSequence;
    @Column(name = "balance_minor")
    long balanceMinor;

    protected AccountRow() {
    }
}
