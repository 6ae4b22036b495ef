package dev.billingportal.application.service.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.access.LogOutCommand;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.InMemoryPortal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signing out ends the session it is done with, and no other. */
class LogOutServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final LogOutService service = new LogOutService(portal.stores.unitOfWork(), portal.stores.sessions(),
            portal.stores.users(), portal.stores.auditLog(), portal.clock);

    @Test
    void onlyThePresentedSessionEnds() {
        PortalUser ann = portal.active(portal.account(), "Ann", false);
        String phone = SecretTokens.generate();
        String laptop = SecretTokens.generate();
        portal.stores.sessions().open(SecretTokens.hash(phone), ann.id(), SessionChannel.WEB, portal.clock.instant(),
                portal.clock.instant().plusSeconds(3600));
        portal.stores.sessions().open(SecretTokens.hash(laptop), ann.id(), SessionChannel.WEB, portal.clock.instant(),
                portal.clock.instant().plusSeconds(3600));

        service.logOut(new LogOutCommand(InMemoryPortal.actor(ann), phone));

        assertTrue(portal.stores.sessions().find(SecretTokens.hash(phone)).isEmpty());
        assertTrue(portal.stores.sessions().find(SecretTokens.hash(laptop)).isPresent());
        assertEquals(List.of(AuditAction.SIGNED_OUT), portal.stores.auditLog().actions());
    }
}
