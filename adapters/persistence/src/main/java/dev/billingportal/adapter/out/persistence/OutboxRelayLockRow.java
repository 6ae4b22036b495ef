package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The row relays lock while publishing a batch (see the migration). */
@Entity
@Table(name = "outbox_relay_lock")
public class OutboxRelayLockRow {
    @Id
    Integer id;

    protected OutboxRelayLockRow() {
    }
}
