package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A bill run: its status, counts, who sent it and the process posting it (see V16). */
@Entity
@Table(name = "bill_run")
public class BillRunRow {
    @Id
    UUID id;
    String status;
    @Column(name = "line_count")
    long lineCount;
    long posted;
    long replayed;
    long failed;
    @Column(name = "created_by_type")
    String createdByType;
    @Column(name = "created_by_id")
    UUID createdById;
    @Column(name = "created_by")
    String createdBy;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "finished_at")
    Instant finishedAt;
    UUID holder;
    @Column(name = "lease_until")
    Instant leaseUntil;

    protected BillRunRow() {
    }
}
