package dev.billingportal.application.service.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.access.LinkToken;
import dev.billingportal.application.port.in.access.SetPasswordCommand;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.InMemoryPortal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A link page says at once whether its link still works, and looking does not use it up. */
class CheckLinkServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final CheckLinkService service = new CheckLinkService(portal.stores.unitOfWork(), portal.stores.tokens(),
            portal.stores.users(), portal.clock);
    private final PortalUser ann = portal.invited(portal.account(), "Ann", false);

    private String link(TokenPurpose purpose) {
        String token = SecretTokens.generate();
        portal.stores.tokens().replace(ann.id(), purpose, SecretTokens.hash(token),
                portal.clock.instant().plus(purpose.validity()), portal.clock.instant());
        return token;
    }

    @Test
    void anInvitationWorksUntilItIsUsedOrExpiresAndLookingChangesNothing() {
        String token = link(TokenPurpose.INVITATION);

        assertTrue(service.isUsable(new LinkToken(token, TokenPurpose.INVITATION)));
        assertTrue(service.isUsable(new LinkToken(token, TokenPurpose.INVITATION)), "still usable after a look");
        assertFalse(service.isUsable(new LinkToken(token, TokenPurpose.PASSWORD_RESET)), "not for another purpose");

        new AcceptInvitationService(portal.stores.unitOfWork(), portal.stores.tokens(), portal.stores.users(),
                InMemoryPortal.HASHER, portal.stores.auditLog(), portal.clock)
                .accept(SetPasswordCommand.of(token, "correct horse battery"));
        assertFalse(service.isUsable(new LinkToken(token, TokenPurpose.INVITATION)), "used");
    }

    @Test
    void expiredMalformedAndUnknownLinksDoNotWork() {
        String token = link(TokenPurpose.INVITATION);
        portal.clock.advance(Duration.ofDays(7));

        assertFalse(service.isUsable(new LinkToken(token, TokenPurpose.INVITATION)));
        assertFalse(service.isUsable(new LinkToken("<script>", TokenPurpose.INVITATION)));
        assertFalse(service.isUsable(new LinkToken(SecretTokens.generate(), TokenPurpose.PASSWORD_RESET)));
    }

    @Test
    void aResetLinkWorksForAnActiveUserOnly() {
        String token = link(TokenPurpose.PASSWORD_RESET);
        assertFalse(service.isUsable(new LinkToken(token, TokenPurpose.PASSWORD_RESET)), "Ann is only invited");
    }
}
