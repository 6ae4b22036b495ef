package dev.billingportal.application.service.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.audit.ProviderAuditFilter;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ActorKind;
import dev.billingportal.domain.access.ApiKeyId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.audit.AuditSubject;
import dev.billingportal.domain.audit.Reason;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.InMemoryPortal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit log reads newest first, one opaque-cursor page after another, within the caller's account. */
class ListAuditEventsServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final ListAuditEventsService service = new ListAuditEventsService(portal.stores.unitOfWork(),
            portal.stores.auditLog(), "Acme Support");
    private final Account account = portal.account();
    private final PortalUser ann = portal.active(account, "Ann", false);

    @Test
    void pagesFollowEachOtherWithoutGapOrRepeat() {
        for (int i = 0; i < 5; i++) {
            portal.stores.auditLog().record(AuditEvent.about(ann, Actor.INSTALLATION, AuditAction.USER_EDITED,
                    portal.clock.instant().plusSeconds(i)));
        }
        List<AuditEvent> walked = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<AuditEvent> page = service.list(InMemoryPortal.actor(ann), account.id(), new PageRequest(cursor, 2));
            walked.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertEquals(5, walked.size());
        assertEquals(portal.clock.instant().plusSeconds(4), walked.get(0).occurredAt());
        assertEquals(portal.clock.instant(), walked.get(4).occurredAt());
    }

    @Test
    void aCursorThePortalDidNotIssueIsInvalidInputOnTheCursor() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> service.list(InMemoryPortal.actor(ann),
                account.id(), new PageRequest(Optional.of("bm90LWEtY3Vyc29y"), 10)));
        assertEquals("cursor", invalid.errors().get(0).field().toString());
    }

    @Test
    void anotherAccountsLogIsNotFound() {
        Account other = portal.account();
        assertThrows(NotFound.class, () -> service.list(InMemoryPortal.actor(ann), other.id(), PageRequest.first(10)));
        assertTrue(service.list(Actor.INSTALLATION, other.id(), PageRequest.first(10)).items().isEmpty());
    }

    @Test
    void aCustomerSeesTheProviderAsItsSupportNeverAnOperatorsNameNorTheirReason() {
        InMemoryPortal.EnrolledOperator sam = portal.operator("Sam Roy", OperatorRole.SUPPORT);
        Actor samActs = InMemoryPortal.actor(sam.operator(), portal.clock.instant());
        portal.stores.auditLog().record(AuditEvent.about(ann, samActs, AuditAction.USER_RESTORED,
                portal.clock.instant()).because(Optional.of(new Reason("Ann called the help line"))));
        portal.stores.auditLog().record(AuditEvent.about(ann, new Actor.ApiKeyActor(ApiKeyId.random(), "CRM sync",
                OperatorRole.SUPPORT), AuditAction.USER_REINVITED, portal.clock.instant().plusSeconds(1)));

        List<AuditEvent> customers = service.list(InMemoryPortal.actor(ann), account.id(), PageRequest.first(10))
                .items();
        assertEquals(2, customers.size());
        for (AuditEvent entry : customers) {
            assertEquals("Acme Support", entry.actor().name());
            assertEquals(ActorKind.OPERATOR, entry.actor().kind());
            assertEquals(Optional.empty(), entry.actor().id());
            assertEquals(Optional.empty(), entry.reason());
        }
        List<AuditEvent> providers = service.list(samActs, account.id(), PageRequest.first(10)).items();
        assertEquals(List.of("CRM sync", "Sam Roy"), providers.stream().map(e -> e.actor().name()).toList());
        assertEquals(Optional.of(new Reason("Ann called the help line")), providers.get(1).reason());
    }

    @Test
    void theCustomersAuditLeavesOutThePostingsTheProvidersAuditRecords() {
        portal.stores.auditLog().record(AuditEvent.about(new AuditSubject(AuditSubject.Kind.TRANSACTION,
                UUID.randomUUID(), "INVOICE INV-1"), Optional.of(account.id()), Actor.INSTALLATION,
                AuditAction.TRANSACTION_POSTED, List.of(), portal.clock.instant()));
        assertTrue(service.list(InMemoryPortal.actor(ann), account.id(), PageRequest.first(10)).items().isEmpty());
        assertEquals(1, service.list(Actor.INSTALLATION, account.id(), PageRequest.first(10)).items().size());
    }

    @Test
    void theProvidersAuditFiltersByActorAccountActionAndTimeAndKeepsCustomersOwnDoingsOut() {
        Account other = portal.account();
        Actor key = new Actor.ApiKeyActor(ApiKeyId.random(), "CRM sync", OperatorRole.SUPPORT);
        java.time.Instant t0 = portal.clock.instant();
        portal.stores.auditLog().record(AuditEvent.about(ann, key, AuditAction.USER_REINVITED, t0));
        portal.stores.auditLog().record(AuditEvent.about(ann, Actor.INSTALLATION, AuditAction.USER_RESTORED,
                t0.plusSeconds(60)));
        portal.stores.auditLog().record(AuditEvent.about(ann, InMemoryPortal.actor(ann), AuditAction.USER_EDITED,
                t0.plusSeconds(120)));
        portal.stores.auditLog().record(AuditEvent.about(new AuditSubject(AuditSubject.Kind.ACCOUNT,
                other.id().value(), "ACC-2"), Optional.of(other.id()), key, AuditAction.ACCOUNT_CREATED, List.of(),
                t0.plusSeconds(180)));

        assertEquals(3, provider(AuditLog.ProviderFilter.none()).size(), "not Ann's own edit");
        assertEquals(List.of(AuditAction.ACCOUNT_CREATED, AuditAction.USER_REINVITED), provider(
                ProviderAuditFilter.of(((Actor.ApiKeyActor) key).id().toString(), null, null, null, null)).stream()
                .map(AuditEvent::action).toList());
        assertEquals(2, provider(ProviderAuditFilter.of(null, account.id().toString(), null, null, null)).size());
        assertEquals(1, provider(ProviderAuditFilter.of(null, null, "user_restored", null, null)).size());
        assertEquals(2, provider(ProviderAuditFilter.of(null, null, null, t0.plusSeconds(60).toString(), null)).size());
        assertEquals(1, provider(ProviderAuditFilter.of(null, null, null, null, t0.plusSeconds(60).toString())).size(),
                "to is exclusive");
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> ProviderAuditFilter.of("me", null, "NOPE",
                "yesterday", null));
        assertEquals(3, invalid.errors().size());
        assertThrows(AccessDenied.class, () -> service.list(InMemoryPortal.actor(ann), AuditLog.ProviderFilter.none(),
                PageRequest.first(10)));
    }

    private List<AuditEvent> provider(AuditLog.ProviderFilter filter) {
        return service.list(Actor.INSTALLATION, filter, PageRequest.first(50)).items();
    }
}
