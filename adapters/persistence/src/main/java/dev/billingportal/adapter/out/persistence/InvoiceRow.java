package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "invoice")
public class InvoiceRow {
    @Id
    UUID id;
    @Column(name = "account_id")
    UUID accountId;
    @Column(name = "transaction_id")
    UUID transactionId;
    long sequence;
    @Column(name = "invoice_number")
    String invoiceNumber;
    @Column(name = "issue_date")
    LocalDate issueDate;
    @Column(name = "due_date")
    LocalDate dueDate;
    @Column(name = "period_start")
    LocalDate periodStart;
    @Column(name = "period_end")
    LocalDate periodEnd;
    String currency;
    @Column(name = "subtotal_minor")
    long subtotalMinor;
    @Column(name = "tax_minor")
    long taxMinor;
    @Column(name = "total_minor")
    long totalMinor;
    @Column(name = "paid_minor")
    long paidMinor;
    @Column(name = "credited_minor")
    long creditedMinor;
    @Column(name = "posted_at")
    Instant postedAt;

    protected InvoiceRow() {
    }
}
