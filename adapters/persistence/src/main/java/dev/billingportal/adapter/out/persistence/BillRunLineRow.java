package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One line of a checked bill-run file: the transaction it posts, and how it was settled (none: pending). */
@Entity
@Table(name = "bill_run_line")
@IdClass(BillRunLineRow.Key.class)
public class BillRunLineRow {
    @Id
    @Column(name = "run_id")
    UUID runId;
    @Id
    long line;
    @Column(name = "account_id")
    UUID accountId;
    @Column(name = "idempotency_key")
    String idempotencyKey;
    String request;
    String outcome;

    protected BillRunLineRow() {
    }

    /** The row's key: its run and its number in the file. */
    public static final class Key implements Serializable {
        UUID runId;
        long line;

        public Key() {
        }

        Key(UUID runId, long line) {
            this.runId = runId;
            this.line = line;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.runId.equals(runId) && key.line == line;
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, line);
        }
    }
}
