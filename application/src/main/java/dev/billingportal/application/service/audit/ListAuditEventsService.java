package dev.billingportal.application.service.audit;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.audit.ListAuditEventsQuery;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.AccountAccessPolicy;
import dev.billingportal.application.service.paging.KeysetCursor;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.audit.AuditEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads an account's audit log, newest first, with keyset paging. */
public final class ListAuditEventsService implements ListAuditEventsQuery {
    private final UnitOfWork unitOfWork;
    private final AuditLog auditLog;

    public ListAuditEventsService(UnitOfWork unitOfWork, AuditLog auditLog) {
        this.unitOfWork = unitOfWork;
        this.auditLog = auditLog;
    }

    @Override
    public Page<AuditEvent> list(Actor actor, AccountId account, PageRequest page) {
        AccountAccessPolicy.require(actor, account);
        Optional<AuditLog.Position> after = page.cursor().map(ListAuditEventsService::position);
        List<AuditEvent> found = unitOfWork.inTransaction(() -> auditLog.newestFirst(account, after, page.limit() + 1));
        if (found.size() <= page.limit()) {
            return new Page<>(found, Optional.empty());
        }
        List<AuditEvent> items = found.subList(0, page.limit());
        AuditEvent last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(KeysetCursor.encode(last.occurredAt().toString(), last.id().toString())));
    }

    private static AuditLog.Position position(String cursor) {
        List<String> parts = KeysetCursor.decode(cursor, 2);
        try {
            return new AuditLog.Position(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1)));
        } catch (DateTimeParseException | IllegalArgumentException malformed) {
            throw KeysetCursor.invalid();
        }
    }
}
