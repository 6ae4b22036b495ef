package dev.billingportal.application.service.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.in.user.PortalUserCommand;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ApiKeyId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.access.SessionTimeouts;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.audit.Reason;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.InMemoryPortal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Spec §11: support ends a portal user's sessions — all of them, at once — and the account's audit says so. */
class EndPortalUserSessionsServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final EndPortalUserSessionsService service = new EndPortalUserSessionsService(portal.stores.unitOfWork(),
            portal.stores.users(), portal.stores.sessions(), portal.stores.auditLog(), portal.clock);
    private final Account account = portal.account();
    private final PortalUser ann = portal.active(account, "Ann", false);
    private final Actor support = new Actor.ApiKeyActor(ApiKeyId.random(), "Helpdesk", OperatorRole.SUPPORT);

    private void signIn(SessionChannel channel) {
        portal.stores.sessions().open(SecretTokens.hash(SecretTokens.generate()), ann.id(), channel,
                portal.clock.instant(), portal.clock.instant().plus(SessionTimeouts.ABSOLUTE));
    }

    @Test
    void everySessionEndsAndTheAuditKeepsTheReason() {
        signIn(SessionChannel.WEB);
        signIn(SessionChannel.API);
        service.endSessions(new PortalUserCommand(support, account.id(), ann.id(),
                Optional.of(new Reason("Laptop stolen"))));
        assertEquals(0, portal.stores.sessions().count());
        AuditEvent entry = portal.stores.auditLog().all().get(0);
        assertEquals(AuditAction.USER_SESSIONS_ENDED, entry.action());
        assertEquals(Optional.of(new Reason("Laptop stolen")), entry.reason());
    }

    @Test
    void aPortalUserOfAnotherAccountIsToldItDoesNotExistAndAnUnknownUserIsNotFound() {
        signIn(SessionChannel.WEB);
        PortalUser stranger = portal.active(portal.account(), "Zed", false);
        assertThrows(NotFound.class, () -> service.endSessions(new PortalUserCommand(InMemoryPortal.actor(stranger),
                account.id(), ann.id())));
        assertThrows(NotFound.class, () -> service.endSessions(new PortalUserCommand(support, account.id(),
                stranger.id())));
        assertEquals(1, portal.stores.sessions().count());
        assertEquals(List.of(), portal.stores.auditLog().all());
    }

    @Test
    void theAccountsOwnUsersMayEndAColleaguesSessionsTooButNobodyWithoutTheRole() {
        PortalUser bob = portal.active(account, "Bob", false);
        signIn(SessionChannel.WEB);
        service.endSessions(new PortalUserCommand(InMemoryPortal.actor(bob), account.id(), ann.id()));
        assertEquals(0, portal.stores.sessions().count());
        assertThrows(NotFound.class, () -> service.endSessions(new PortalUserCommand(Actor.SYSTEM, account.id(),
                ann.id())));
        assertThrows(AccessDenied.class, () -> dev.billingportal.domain.access.ProviderAccessPolicy.require(
                InMemoryPortal.actor(bob), dev.billingportal.domain.access.Permission.ASSIST_CUSTOMERS));
    }
}
