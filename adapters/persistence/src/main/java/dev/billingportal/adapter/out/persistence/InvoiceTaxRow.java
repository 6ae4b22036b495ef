package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "invoice_tax")
public class InvoiceTaxRow {
    @Id
    UUID id;
    @Column(name = "invoice_id")
    UUID invoiceId;
    int position;
    String name;
    /** As written in the request, e.g. {@code 9.975}. */
    String rate;
    @Column(name = "amount_minor")
    long amountMinor;

    protected InvoiceTaxRow() {
    }
}
