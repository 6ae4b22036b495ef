package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.in.billing.TransactionRequest;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.Decimal;
import dev.billingportal.domain.billing.InvoiceDraft;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.TransactionType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/**
 * A bill run's line as stored until it is posted: the checked transaction request as compact JSON. Every decimal
 * keeps the text it was sent as, so the request read back has the fingerprint its idempotency key was checked with.
 */
final class TransactionRequestJson {
    private static final JsonProvider JSON = JsonProvider.provider();

    private TransactionRequestJson() {
    }

    static String write(TransactionRequest request) {
        JsonObjectBuilder object = JSON.createObjectBuilder()
                .add("type", request.type().name())
                .add("amount", request.amount().text());
        request.currency().ifPresent(currency -> object.add("currency", currency.value()));
        request.postedAt().ifPresent(at -> object.add("postedAt", at.toString()));
        request.reference().ifPresent(reference -> object.add("reference", reference));
        request.description().ifPresent(description -> object.add("description", description));
        request.invoiceId().ifPresent(invoice -> object.add("invoiceId", invoice.value().toString()));
        request.invoice().ifPresent(draft -> object.add("invoice", invoice(draft)));
        return object.build().toString();
    }

    private static JsonObjectBuilder invoice(InvoiceDraft draft) {
        JsonObjectBuilder invoice = JSON.createObjectBuilder()
                .add("invoiceNumber", draft.invoiceNumber())
                .add("issueDate", draft.issueDate().toString())
                .add("dueDate", draft.dueDate().toString());
        if (draft.periodStart() != null) {
            invoice.add("periodStart", draft.periodStart().toString()).add("periodEnd", draft.periodEnd().toString());
        }
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        draft.lines().forEach(line -> lines.add(JSON.createObjectBuilder().add("description", line.description())
                .add("quantity", line.quantity().text()).add("unitPrice", line.unitPrice().text())
                .add("amount", line.amount().text())));
        JsonArrayBuilder taxes = JSON.createArrayBuilder();
        draft.taxes().forEach(tax -> taxes.add(JSON.createObjectBuilder().add("name", tax.name())
                .add("rate", tax.rate().text()).add("amount", tax.amount().text())));
        return invoice.add("lines", lines).add("taxes", taxes);
    }

    static TransactionRequest read(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            return new TransactionRequest(TransactionType.valueOf(object.getString("type")),
                    Decimal.parse(object.getString("amount")),
                    optional(object, "currency", CurrencyCode::new),
                    optional(object, "postedAt", Instant::parse),
                    optional(object, "reference", Function.identity()),
                    optional(object, "description", Function.identity()),
                    optional(object, "invoiceId", InvoiceId::parse),
                    Optional.ofNullable(object.getJsonObject("invoice")).map(TransactionRequestJson::draft));
        }
    }

    private static InvoiceDraft draft(JsonObject invoice) {
        return new InvoiceDraft(invoice.getString("invoiceNumber"), LocalDate.parse(invoice.getString("issueDate")),
                LocalDate.parse(invoice.getString("dueDate")),
                optional(invoice, "periodStart", LocalDate::parse).orElse(null),
                optional(invoice, "periodEnd", LocalDate::parse).orElse(null),
                invoice.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                        .map(line -> new InvoiceDraft.LineDraft(line.getString("description"),
                                Decimal.parse(line.getString("quantity")), Decimal.parse(line.getString("unitPrice")),
                                Decimal.parse(line.getString("amount")))).toList(),
                invoice.getJsonArray("taxes").getValuesAs(JsonObject.class).stream()
                        .map(tax -> new InvoiceDraft.TaxDraft(tax.getString("name"), Decimal.parse(tax.getString("rate")),
                                Decimal.parse(tax.getString("amount")))).toList());
    }

    private static <T> Optional<T> optional(JsonObject object, String name, Function<String, T> parse) {
        JsonValue value = object.get(name);
        return value == null || value == JsonValue.NULL ? Optional.empty()
                : Optional.of(parse.apply(object.getString(name)));
    }
}
