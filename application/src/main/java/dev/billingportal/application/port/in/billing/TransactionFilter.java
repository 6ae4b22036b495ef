package dev.billingportal.application.port.in.billing;

import dev.billingportal.domain.billing.TransactionType;
import dev.billingportal.domain.common.Dates;
import dev.billingportal.domain.common.Text;
import dev.billingportal.domain.failure.FieldChecks;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A history filter as a reader gives it: types (all when empty), a date range in the reader's own time zone
 * (both ends inclusive), and a text to look for in references, invoice numbers and descriptions (kept lower-case:
 * the search ignores letter case).
 */
public record TransactionFilter(Set<TransactionType> types, Optional<LocalDate> from, Optional<LocalDate> to,
                                Optional<String> text) {
    public static final int MAX_TEXT_LENGTH = 100;

    public TransactionFilter {
        types = Set.copyOf(types);
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new IllegalArgumentException("to is before from");
        }
    }

    public static TransactionFilter none() {
        return new TransactionFilter(Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * From what the reader chose: type names (each may list several, comma-separated), dates as text, and the
     * text to look for; blank means not given. Every invalid field is reported at once.
     */
    public static TransactionFilter of(List<String> types, String from, String to, String text) {
        FieldChecks checks = FieldChecks.start();
        Set<TransactionType> chosen = EnumSet.noneOf(TransactionType.class);
        for (String value : types == null ? List.<String>of() : types) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    TransactionType type = checks.required("types", name.strip(), TransactionType::parse);
                    if (type != null) {
                        chosen.add(type);
                    }
                }
            }
        }
        Optional<LocalDate> fromDate = checks.optional("from", blankToNull(from), Dates::date);
        Optional<LocalDate> toDate = checks.optional("to", blankToNull(to), Dates::date);
        Optional<String> search = checks.optional("text", blankToNull(text),
                raw -> Text.singleLine(raw, 1, MAX_TEXT_LENGTH).toLowerCase(Locale.ROOT));
        if (fromDate.isPresent() && toDate.isPresent() && toDate.get().isBefore(fromDate.get())) {
            checks.reject("to", "must not be before from");
        }
        checks.orThrow();
        return new TransactionFilter(chosen, fromDate, toDate, search);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
