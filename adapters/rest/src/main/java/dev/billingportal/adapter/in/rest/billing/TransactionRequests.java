package dev.billingportal.adapter.in.rest.billing;

import dev.billingportal.adapter.in.rest.request.JsonFields;
import dev.billingportal.application.port.in.billing.InvoiceInput;
import dev.billingportal.application.port.in.billing.TransactionInput;
import dev.billingportal.domain.billing.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Reads a posting request (spec §5, Appendix A) strictly: every amount a JSON string, every field named. */
public final class TransactionRequests {
    private TransactionRequests() {
    }

    @Schema(name = "TransactionRequest", description = "Amounts are strings with exactly the currency's minor digits.")
    public record Body(
            @Schema(required = true, enumeration = {"INVOICE", "PAYMENT", "REFUND", "CREDIT"}) String type,
            @Schema(required = true, example = "113.00") String amount,
            @Schema(description = "The account's currency; may be left out", example = "CAD") String currency,
            @Schema(description = "Business time; now when left out; may be back-dated") Instant postedAt,
            @Schema(maxLength = Transaction.MAX_REFERENCE_LENGTH) String reference,
            @Schema(maxLength = Transaction.MAX_DESCRIPTION_LENGTH) String description,
            @Schema(description = "For PAYMENT, REFUND, CREDIT: the invoice settled") UUID invoiceId,
            @Schema(description = "Required for INVOICE, refused otherwise") InvoiceBody invoice,
            @Schema(description = "Why it is posted, kept in the provider's audit (not part of the transaction)",
                    minLength = 3, maxLength = 500) String reason) {
    }

    @Schema(name = "InvoiceRequest")
    public record InvoiceBody(@Schema(required = true, example = "INV-2026-0042") String invoiceNumber,
                              @Schema(required = true) LocalDate issueDate, @Schema(required = true) LocalDate dueDate,
                              LocalDate periodStart, LocalDate periodEnd,
                              @Schema(required = true) List<LineBody> lines, List<TaxBody> taxes) {
    }

    @Schema(name = "InvoiceLineRequest", description = "amount = quantity × unitPrice, rounded half-up")
    public record LineBody(String description, @Schema(example = "10") String quantity,
                           @Schema(example = "10.00") String unitPrice, @Schema(example = "100.00") String amount) {
    }

    @Schema(name = "InvoiceTaxRequest", description = "amount = subtotal × rate / 100, rounded half-up")
    public record TaxBody(@Schema(example = "HST") String name, @Schema(example = "13") String rate,
                          @Schema(example = "13.00") String amount) {
    }

    /** The body's text, for the command to judge; lines and taxes keep their positions as sent. */
    public static TransactionInput read(JsonFields fields) {
        JsonFields invoice = fields.object("invoice");
        return new TransactionInput(fields.string("type"), fields.string("amount"), fields.string("currency"),
                fields.string("postedAt"), fields.string("reference"), fields.string("description"),
                fields.string("invoiceId"), invoice == null ? null : invoice(invoice));
    }

    private static InvoiceInput invoice(JsonFields invoice) {
        List<JsonFields> lines = invoice.objects("lines");
        List<JsonFields> taxes = invoice.objects("taxes");
        return new InvoiceInput(invoice.string("invoiceNumber"), invoice.string("issueDate"),
                invoice.string("dueDate"), invoice.string("periodStart"), invoice.string("periodEnd"),
                lines == null ? null : lines.stream().map(line -> new InvoiceInput.Line(line.string("description"),
                        line.string("quantity"), line.string("unitPrice"), line.string("amount"))).toList(),
                taxes == null ? null : taxes.stream().map(tax -> new InvoiceInput.Tax(tax.string("name"),
                        tax.string("rate"), tax.string("amount"))).toList());
    }
}
