package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "invoice_line")
public class InvoiceLineRow {
    @Id
    UUID id;
    @Column(name = "invoice_id")
    UUID invoiceId;
    int position;
    String description;
    /** As written in the request, e.g. {@code 37.5}. */
    String quantity;
    @Column(name = "unit_price_minor")
    long unitPriceMinor;
    @Column(name = "amount_minor")
    long amountMinor;

    protected InvoiceLineRow() {
    }
}
