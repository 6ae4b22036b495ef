package dev.billingportal.testing;

import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

public final class InMemoryAuditLog implements AuditLog {
    private static final Comparator<AuditEvent> NEWEST_FIRST =
            Comparator.comparing(AuditEvent::occurredAt).thenComparing(AuditEvent::id, Uuids.AS_STORED).reversed();
    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }

    @Override
    public List<AuditEvent> newestFirst(AccountId account, Optional<Position> after, int limit) {
        return events.stream()
                .filter(event -> event.accountId().equals(account))
                .filter(event -> after.map(position -> event.occurredAt().isBefore(position.occurredAt())
                        || (event.occurredAt().equals(position.occurredAt())
                        && Uuids.AS_STORED.compare(event.id(), position.id()) < 0)).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    public List<AuditAction> actions() {
        return events.stream().map(AuditEvent::action).toList();
    }

    public List<AuditEvent> all() {
        return List.copyOf(events);
    }
}
