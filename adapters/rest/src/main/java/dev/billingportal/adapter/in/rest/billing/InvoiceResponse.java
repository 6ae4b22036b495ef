package dev.billingportal.adapter.in.rest.billing;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.billing.InvoiceView;
import dev.billingportal.domain.billing.Invoice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Invoice")
public record InvoiceResponse(UUID id, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
                              LocalDate periodStart, LocalDate periodEnd, String currency, List<Line> lines,
                              List<Tax> taxes, String subtotal, String taxTotal, String total, String amountPaid,
                              String amountCredited, String amountDue,
                              @Schema(enumeration = {"OPEN", "PARTIALLY_PAID", "PAID"}) String status,
                              @Schema(description = "Unpaid after the due date, in the reader's time zone") boolean overdue,
                              UUID transactionId, Instant postedAt) {

    @Schema(name = "InvoiceLine")
    public record Line(String description, String quantity, String unitPrice, String amount) {
    }

    @Schema(name = "InvoiceTax")
    public record Tax(String name, @Schema(description = "Percent") String rate, String amount) {
    }

    static InvoiceResponse of(InvoiceView view) {
        Invoice i = view.invoice();
        return new InvoiceResponse(i.id().value(), i.invoiceNumber(), i.issueDate(), i.dueDate(), i.periodStart(),
                i.periodEnd(), i.total().currency().value(),
                i.lines().stream().map(l -> new Line(l.description(), l.quantity().text(), l.unitPrice().toString(),
                        l.amount().toString())).toList(),
                i.taxes().stream().map(t -> new Tax(t.name(), t.rate().text(), t.amount().toString())).toList(),
                i.subtotal().toString(), i.taxTotal().toString(), i.total().toString(), i.paid().toString(),
                i.credited().toString(), i.amountDue().toString(), i.status().name(), view.overdue(),
                i.transactionId().value(), i.postedAt());
    }

    @Schema(name = "InvoicePage")
    public record PageResponse(List<InvoiceResponse> items, String nextCursor) {
        static PageResponse of(Page<InvoiceView> page) {
            return new PageResponse(page.items().stream().map(InvoiceResponse::of).toList(),
                    page.nextCursor().orElse(null));
        }
    }
}
