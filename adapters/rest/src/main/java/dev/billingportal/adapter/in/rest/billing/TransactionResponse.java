package dev.billingportal.adapter.in.rest.billing;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.domain.billing.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Transaction", description = "Amounts are decimal strings; balanceAfter is signed (negative = credit).")
public record TransactionResponse(UUID id, long sequence,
                                  @Schema(enumeration = {"INVOICE", "PAYMENT", "REFUND", "CREDIT"}) String type,
                                  @Schema(example = "113.00") String amount, @Schema(example = "CAD") String currency,
                                  Instant postedAt, String reference, String description, UUID invoiceId,
                                  String invoiceNumber, @Schema(example = "63.00") String balanceAfter) {

    public static TransactionResponse of(Transaction t) {
        return new TransactionResponse(t.id().value(), t.sequence(), t.type().name(), t.amount().toString(),
                t.amount().currency().value(), t.postedAt(), t.reference(), t.description(),
                t.invoiceId() == null ? null : t.invoiceId().value(), t.invoiceNumber(), t.balanceAfter().toString());
    }

    /**
     * A history page's shape: the API document's schema, and — rendered by JSON-B — the bytes HistoryPageJson must
     * write for the same page (its tests render both).
     */
    @Schema(name = "TransactionPage")
    public record PageResponse(List<TransactionResponse> items, String nextCursor) {
        public static PageResponse of(Page<Transaction> page) {
            return new PageResponse(page.items().stream().map(TransactionResponse::of).toList(),
                    page.nextCursor().orElse(null));
        }
    }
}
