package dev.billingportal.adapter.in.rest.billing;

import dev.billingportal.application.port.in.billing.TransactionFilter;
import dev.billingportal.domain.billing.TransactionType;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.InvalidValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The history's query parameters: {@code type} (repeatable or comma-separated), {@code from}, {@code to}, {@code q}. */
final class HistoryParams {
    private HistoryParams() {
    }

    static TransactionFilter filter(List<String> types, String from, String to, String q) {
        List<FieldError> errors = new ArrayList<>();
        Set<TransactionType> typeSet = EnumSet.noneOf(TransactionType.class);
        for (String value : types == null ? List.<String>of() : types) {
            for (String type : value.split(",")) {
                if (type.isBlank()) {
                    continue;
                }
                try {
                    typeSet.add(TransactionType.parse(type.strip()));
                } catch (InvalidValue unknown) {
                    errors.add(new FieldError("type", unknown.getMessage()));
                }
            }
        }
        Optional<LocalDate> fromDate = date("from", from, errors);
        Optional<LocalDate> toDate = date("to", to, errors);
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        return new TransactionFilter(typeSet, fromDate, toDate, Optional.ofNullable(q).filter(text -> !text.isBlank()));
    }

    private static Optional<LocalDate> date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TransactionRequests.date(value.strip()));
        } catch (InvalidValue invalid) {
            errors.add(new FieldError(field, invalid.getMessage()));
            return Optional.empty();
        }
    }
}
