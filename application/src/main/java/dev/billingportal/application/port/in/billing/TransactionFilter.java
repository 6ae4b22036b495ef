package dev.billingportal.application.port.in.billing;

import dev.billingportal.domain.billing.TransactionType;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A history filter as a reader gives it: types (all when empty), a date range in the reader's own time zone
 * (both ends inclusive), and a text to look for in references, invoice numbers and descriptions.
 */
public record TransactionFilter(Set<TransactionType> types, Optional<LocalDate> from, Optional<LocalDate> to,
                                Optional<String> text) {
    public TransactionFilter {
        types = Set.copyOf(types);
    }

    public static TransactionFilter none() {
        return new TransactionFilter(Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
