package dev.billingportal.application.service.notification;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.notification.BillingNotification;
import dev.billingportal.application.port.in.notification.ListDeliveriesQuery;
import dev.billingportal.application.port.in.notification.ListNotificationsQuery;
import dev.billingportal.application.port.in.notification.NotificationStatsQuery;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.Deliveries;
import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.service.paging.KeysetCursor;
import dev.billingportal.domain.access.AccountAccessPolicy;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.access.ProviderAccessPolicy;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryStatus;
import dev.billingportal.domain.notification.EventId;
import dev.billingportal.domain.notification.NotificationEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What was sent to whom: the customers' notification list, the operators' delivery list, the metrics. */
public final class NotificationQueryService implements ListNotificationsQuery, ListDeliveriesQuery,
        NotificationStatsQuery {
    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final Deliveries notifications;
    private final Outbox outbox;
    private final Clock clock;

    public NotificationQueryService(UnitOfWork unitOfWork, Accounts accounts, Deliveries notifications,
                                    Outbox outbox, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.notifications = notifications;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Page<Delivery> list(Actor actor, AccountId account, PageRequest page) {
        AccountAccessPolicy.require(actor, account);
        return unitOfWork.inTransaction(() -> accountPage(account, page));
    }

    @Override
    public Page<BillingNotification> withEvents(Actor actor, AccountId account, PageRequest page) {
        AccountAccessPolicy.require(actor, account);
        return unitOfWork.inTransaction(() -> {
            Page<Delivery> deliveries = accountPage(account, page);
            Map<EventId, NotificationEvent> events = notifications.events(deliveries.items().stream()
                            .map(Delivery::eventId).toList()).stream()
                    .collect(java.util.stream.Collectors.toMap(NotificationEvent::id, event -> event));
            return new Page<>(deliveries.items().stream()
                    .map(delivery -> new BillingNotification(delivery, events.get(delivery.eventId()))).toList(),
                    deliveries.nextCursor());
        });
    }

    /** One page of the account's billing notifications, in the caller's unit of work. */
    private Page<Delivery> accountPage(AccountId account, PageRequest page) {
        Optional<Deliveries.Position> after = page.cursor().map(NotificationQueryService::position);
        accounts.find(account).orElseThrow(() -> new NotFound("The account"));
        return page(notifications.newestFirst(account, after, page.limit() + 1), page.limit());
    }

    @Override
    public Page<Delivery> list(Actor actor, Optional<DeliveryStatus> status, PageRequest page) {
        ProviderAccessPolicy.require(actor, Permission.READ_ACCOUNTS);
        Optional<Deliveries.Position> after = page.cursor().map(NotificationQueryService::position);
        return page(unitOfWork.inTransaction(() -> notifications.newestFirst(status, after, page.limit() + 1)),
                page.limit());
    }

    @Override
    public long count(Actor actor, DeliveryStatus status) {
        ProviderAccessPolicy.require(actor, Permission.READ_ACCOUNTS);
        return unitOfWork.inTransaction(() -> notifications.count(status));
    }

    @Override
    public Stats stats() {
        return unitOfWork.inTransaction(() -> {
            Map<DeliveryStatus, Long> counts = notifications.countByStatus();
            Duration lag = outbox.oldestUnpublished()
                    .map(oldest -> Duration.between(oldest, clock.instant()))
                    .filter(duration -> !duration.isNegative())
                    .orElse(Duration.ZERO);
            return new Stats(counts.getOrDefault(DeliveryStatus.PENDING, 0L),
                    counts.getOrDefault(DeliveryStatus.SENT, 0L), counts.getOrDefault(DeliveryStatus.FAILED, 0L),
                    outbox.unpublished(), lag);
        });
    }

    private static Page<Delivery> page(List<Delivery> found, int limit) {
        if (found.size() <= limit) {
            return new Page<>(found, Optional.empty());
        }
        List<Delivery> items = found.subList(0, limit);
        Delivery last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(KeysetCursor.encode(last.createdAt().toString(), last.id().toString())));
    }

    private static Deliveries.Position position(String cursor) {
        List<String> parts = KeysetCursor.decode(cursor, 2);
        try {
            return new Deliveries.Position(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1)));
        } catch (DateTimeParseException | IllegalArgumentException malformed) {
            throw KeysetCursor.invalid();
        }
    }
}
