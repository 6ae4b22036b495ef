package dev.billingportal.application.service.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.InMemoryPortal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The audit log reads newest first, one opaque-cursor page after another, within the caller's account. */
class ListAuditEventsServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final ListAuditEventsService service = new ListAuditEventsService(portal.stores.unitOfWork(),
            portal.stores.auditLog());
    private final Account account = portal.account();
    private final PortalUser ann = portal.active(account, "Ann", false);

    @Test
    void pagesFollowEachOtherWithoutGapOrRepeat() {
        for (int i = 0; i < 5; i++) {
            portal.stores.auditLog().record(AuditEvent.about(ann, Actor.OPERATOR, AuditAction.USER_EDITED,
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
        assertTrue(service.list(Actor.OPERATOR, other.id(), PageRequest.first(10)).items().isEmpty());
    }
}
