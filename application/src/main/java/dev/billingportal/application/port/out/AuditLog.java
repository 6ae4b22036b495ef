package dev.billingportal.application.port.out;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The audit log: each account's entries, and the provider's. */
public interface AuditLog {

    /** Where a page ends: entries are ordered newest first by (occurredAt, id). */
    record Position(Instant occurredAt, UUID id) {
    }

    /** The provider's audit's filters (spec §11), each optional: who acted, on which account, what, and when. */
    record ProviderFilter(Optional<UUID> actorId, Optional<AccountId> account, Optional<AuditAction> action,
                          Optional<Instant> from, Optional<Instant> to) {
        public ProviderFilter {
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public static ProviderFilter none() {
            return new ProviderFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
    }

    void record(AuditEvent event);

    /**
     * Up to {@code limit} entries of the account, newest first, after {@code after} if given: only those its customers
     * see ({@link AuditEvent#visibleToCustomer()}), or every entry about the account (the provider's view).
     */
    List<AuditEvent> newestFirst(AccountId account, boolean customersView, Optional<Position> after, int limit);

    /** Up to {@code limit} entries of the provider's audit ({@link AuditEvent#visibleToProvider()}), newest first. */
    List<AuditEvent> providerNewestFirst(ProviderFilter filter, Optional<Position> after, int limit);

    /** Deletes up to {@code limit} entries older than {@code before} (retention); returns how many. */
    int deleteBefore(Instant before, int limit);
}
