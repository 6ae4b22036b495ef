package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One line of a bill run's report. */
@Entity
@Table(name = "bill_run_error")
@IdClass(BillRunErrorRow.Key.class)
public class BillRunErrorRow {
    @Id
    @Column(name = "run_id")
    UUID runId;
    @Id
    int seq;
    long line;
    String field;
    String message;

    protected BillRunErrorRow() {
    }

    /** The row's key: its run and its place in the report. */
    public static final class Key implements Serializable {
        UUID runId;
        int seq;

        public Key() {
        }

        Key(UUID runId, int seq) {
            this.runId = runId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.runId.equals(runId) && key.seq == seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, seq);
        }
    }
}
