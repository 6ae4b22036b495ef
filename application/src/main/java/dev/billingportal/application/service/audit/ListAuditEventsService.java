package dev.billingportal.application.service.audit;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.audit.ListAuditEventsQuery;
import dev.billingportal.application.port.in.audit.ListProviderAuditQuery;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.service.paging.KeysetCursor;
import dev.billingportal.domain.access.AccountAccessPolicy;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ActorKind;
import dev.billingportal.domain.access.ActorRef;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.access.ProviderAccessPolicy;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.audit.AuditEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the audit log newest first, with keyset paging: an account's, and the provider's. A portal user reads what
 * was done to and by the account's users, and sees the provider's side as its support contact
 * ({@code portal.support.name}) — never an operator's or a key's name, nor their reasons (spec §11). The provider reads
 * everything about the account, and its own audit.
 */
public final class ListAuditEventsService implements ListAuditEventsQuery, ListProviderAuditQuery {
    private final UnitOfWork unitOfWork;
    private final AuditLog auditLog;
    private final ActorRef support;

    public ListAuditEventsService(UnitOfWork unitOfWork, AuditLog auditLog, String supportName) {
        this.unitOfWork = unitOfWork;
        this.auditLog = auditLog;
        this.support = new ActorRef(ActorKind.OPERATOR, Optional.empty(), supportName);
    }

    @Override
    public Page<AuditEvent> list(Actor actor, AccountId account, PageRequest page) {
        AccountAccessPolicy.require(actor, account);
        boolean customer = actor instanceof Actor.PortalUserActor;
        Optional<AuditLog.Position> after = page.cursor().map(ListAuditEventsService::position);
        Page<AuditEvent> found = page(unitOfWork.inTransaction(() -> auditLog.newestFirst(account, customer, after,
                page.limit() + 1)), page.limit());
        return customer ? new Page<>(found.items().stream().map(this::asCustomersSee).toList(), found.nextCursor())
                : found;
    }

    @Override
    public Page<AuditEvent> list(Actor actor, AuditLog.ProviderFilter filter, PageRequest page) {
        ProviderAccessPolicy.require(actor, Permission.READ_ACCOUNTS);
        Optional<AuditLog.Position> after = page.cursor().map(ListAuditEventsService::position);
        return page(unitOfWork.inTransaction(() -> auditLog.providerNewestFirst(filter, after, page.limit() + 1)),
                page.limit());
    }

    /** The provider's side as the customer's support; its reasons are its own. */
    private AuditEvent asCustomersSee(AuditEvent event) {
        return event.actor().kind().isProvider() ? event.shownAs(support).because(Optional.empty()) : event;
    }

    private static Page<AuditEvent> page(List<AuditEvent> found, int limit) {
        if (found.size() <= limit) {
            return new Page<>(found, Optional.empty());
        }
        List<AuditEvent> items = found.subList(0, limit);
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
