package dev.billingportal.application.port.in.audit;

import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.common.Dates;
import dev.billingportal.domain.failure.FieldChecks;
import dev.billingportal.domain.failure.InvalidValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The provider's audit's filters as sent (spec §11): {@code operatorId} (who acted: an operator's or a key's id),
 * {@code accountId}, {@code action}, and {@code from}/{@code to} — an instant, or a date meaning that whole UTC day
 * ({@code from} inclusive, {@code to} through its end).
 */
public final class ProviderAuditFilter {
    private ProviderAuditFilter() {
    }

    public static AuditLog.ProviderFilter of(String operatorId, String accountId, String action, String from,
                                             String to) {
        FieldChecks checks = FieldChecks.start();
        Optional<UUID> actor = checks.optional("operatorId", operatorId, ProviderAuditFilter::uuid);
        Optional<AccountId> account = checks.optional("accountId", accountId, raw -> new AccountId(uuid(raw)));
        Optional<AuditAction> what = checks.optional("action", action, ProviderAuditFilter::action);
        Optional<Instant> since = checks.optional("from", from, raw -> bound(raw, false));
        Optional<Instant> until = checks.optional("to", to, raw -> bound(raw, true));
        if (since.isPresent() && until.isPresent() && since.get().isAfter(until.get())) {
            checks.reject("to", "must not be before from");
        }
        checks.orThrow();
        return new AuditLog.ProviderFilter(actor, account, what, since, until);
    }

    private static UUID uuid(String raw) {
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException notAnId) {
            throw new InvalidValue("must be an id (UUID)");
        }
    }

    private static AuditAction action(String raw) {
        try {
            return AuditAction.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValue("is not an audit action");
        }
    }

    /** An instant as is; a date as the start of that UTC day, or — for the end of a range — the start of the next. */
    private static Instant bound(String raw, boolean end) {
        String value = raw.strip();
        if (value.length() == 10) {
            LocalDate day = Dates.date(value);
            return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            throw new InvalidValue("must be a date (2026-11-25) or an instant (2026-11-25T08:00:00Z)");
        }
    }
}
