package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The row a relay locks while it claims a batch — a short transaction, never across broker I/O (see V9). */
@Entity
@Table(name = "outbox_relay_lock")
public class OutboxRelayLockRow {
    @Id
    Integer id;

    protected OutboxRelayLockRow() {
    }
}
