package dev.billingportal.adapter.in.rest.billing;

import dev.billingportal.adapter.in.rest.request.JsonBody;
import dev.billingportal.adapter.in.rest.request.JsonFields;
import dev.billingportal.application.port.in.billing.TransactionRequest;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.Decimal;
import dev.billingportal.domain.billing.InvoiceDraft;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.TransactionType;
import dev.billingportal.domain.common.Text;
import dev.billingportal.domain.failure.InvalidValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
            @Schema(maxLength = 100) String reference,
            @Schema(maxLength = 500) String description,
            @Schema(description = "For PAYMENT, REFUND, CREDIT: the invoice settled") UUID invoiceId,
            @Schema(description = "Required for INVOICE, refused otherwise") InvoiceBody invoice) {
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

    static TransactionRequest read(JsonBody body) {
        JsonFields fields = body.fields();
        TransactionType type = fields.value("type", TransactionType::parse);
        Decimal amount = fields.value("amount", Decimal::parse);
        Optional<CurrencyCode> currency = fields.optionalValue("currency", CurrencyCode::new);
        Optional<Instant> postedAt = fields.optionalValue("postedAt", TransactionRequests::instant);
        Optional<String> reference = fields.optionalValue("reference", raw -> Text.singleLine(raw, 1, 100));
        Optional<String> description = fields.optionalValue("description", raw -> Text.singleLine(raw, 1, 500));
        Optional<InvoiceId> invoiceId = fields.optionalValue("invoiceId", raw -> new InvoiceId(uuid(raw)));
        Optional<JsonFields> invoiceFields = fields.optionalObject("invoice");
        InvoiceParts invoice = invoiceFields.map(TransactionRequests::invoice).orElse(null);
        fields.validate();
        return new TransactionRequest(type, amount, currency, postedAt, reference, description, invoiceId,
                Optional.ofNullable(invoice).map(InvoiceParts::draft));
    }

    /** An invoice read field by field; its dates' order is checked once all fields are valid. */
    private record InvoiceParts(String number, LocalDate issueDate, LocalDate dueDate, LocalDate periodStart,
                                LocalDate periodEnd, List<InvoiceDraft.LineDraft> lines,
                                List<InvoiceDraft.TaxDraft> taxes) {
        InvoiceDraft draft() {
            return new InvoiceDraft(number, issueDate, dueDate, periodStart, periodEnd, lines, taxes);
        }
    }

    private static InvoiceParts invoice(JsonFields invoice) {
        String number = invoice.value("invoiceNumber", InvoiceDraft::invoiceNumber);
        LocalDate issueDate = invoice.value("issueDate", TransactionRequests::date);
        LocalDate dueDate = invoice.value("dueDate", TransactionRequests::date);
        LocalDate periodStart = invoice.optionalValue("periodStart", TransactionRequests::date).orElse(null);
        LocalDate periodEnd = invoice.optionalValue("periodEnd", TransactionRequests::date).orElse(null);
        List<InvoiceDraft.LineDraft> lines = new ArrayList<>();
        for (JsonFields line : invoice.objects("lines")) {
            lines.add(new InvoiceDraft.LineDraft(line.value("description", InvoiceDraft::lineDescription),
                    line.value("quantity", Decimal::parse), line.value("unitPrice", Decimal::parse),
                    line.value("amount", Decimal::parse)));
        }
        List<InvoiceDraft.TaxDraft> taxes = new ArrayList<>();
        if (invoice.has("taxes")) {
            for (JsonFields tax : invoice.objects("taxes")) {
                taxes.add(new InvoiceDraft.TaxDraft(tax.value("name", InvoiceDraft::taxName),
                        tax.value("rate", Decimal::parse), tax.value("amount", Decimal::parse)));
            }
        }
        return new InvoiceParts(number, issueDate, dueDate, periodStart, periodEnd, lines, taxes);
    }

    static LocalDate date(String raw) {
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException invalid) {
            throw new InvalidValue("must be a date such as 2026-11-30");
        }
    }

    private static Instant instant(String raw) {
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException invalid) {
            throw new InvalidValue("must be an ISO-8601 UTC time such as 2026-11-25T08:00:00Z");
        }
    }

    private static UUID uuid(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidValue("must be an invoice id (a UUID)");
        }
    }
}
