package dev.billingportal.application.port.out;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Each account's audit log. */
public interface AuditLog {

    /** Where a page ends: entries are ordered newest first by (occurredAt, id). */
    record Position(Instant occurredAt, UUID id) {
    }

    void record(AuditEvent event);

    /** Up to {@code limit} entries of the account, newest first, after {@code after} if given. */
    List<AuditEvent> newestFirst(AccountId account, Optional<Position> after, int limit);
}
