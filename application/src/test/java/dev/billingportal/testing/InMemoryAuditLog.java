package dev.billingportal.testing;

import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

public final class InMemoryAuditLog implements AuditLog {
    private static final Comparator<AuditEvent> NEWEST_FIRST =
            Comparator.comparing(AuditEvent::occurredAt).thenComparing(AuditEvent::id, Uuids.AS_STORED).reversed();
    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }

    @Override
    public List<AuditEvent> newestFirst(AccountId account, boolean customersView, Optional<Position> after,
                                        int limit) {
        return page(events.stream()
                .filter(event -> event.accountId().equals(Optional.of(account)))
                .filter(event -> !customersView || event.visibleToCustomer()), after, limit);
    }

    @Override
    public List<AuditEvent> providerNewestFirst(ProviderFilter filter, Optional<Position> after, int limit) {
        return page(events.stream()
                .filter(AuditEvent::visibleToProvider)
                .filter(event -> filter.actorId().map(id -> event.actor().id().equals(Optional.of(id))).orElse(true))
                .filter(event -> filter.account().map(id -> event.accountId().equals(Optional.of(id))).orElse(true))
                .filter(event -> filter.action().map(action -> event.action() == action).orElse(true))
                .filter(event -> filter.from().map(from -> !event.occurredAt().isBefore(from)).orElse(true))
                .filter(event -> filter.to().map(to -> event.occurredAt().isBefore(to)).orElse(true)), after, limit);
    }

    @Override
    public int deleteBefore(Instant before, int limit) {
        List<AuditEvent> old = events.stream().filter(event -> event.occurredAt().isBefore(before)).limit(limit)
                .toList();
        events.removeAll(old);
        return old.size();
    }

    private static List<AuditEvent> page(Stream<AuditEvent> events, Optional<Position> after, int limit) {
        return events
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
