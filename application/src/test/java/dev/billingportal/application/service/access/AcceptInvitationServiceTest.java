package dev.billingportal.application.service.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.in.access.SetPasswordCommand;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.InvalidToken;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.UserStatus;
import dev.billingportal.testing.InMemoryPortal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An invitation link sets the first password, once, within its week (spec §4). */
class AcceptInvitationServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final AcceptInvitationService service = new AcceptInvitationService(portal.stores.unitOfWork(),
            portal.stores.tokens(), portal.stores.users(), InMemoryPortal.HASHER, portal.stores.auditLog(),
            portal.clock);
    private final PortalUser ann = portal.invited(portal.account(), "Ann", false);

    private String invitation(PortalUser user) {
        String token = SecretTokens.generate();
        portal.stores.tokens().replace(user.id(), TokenPurpose.INVITATION, SecretTokens.hash(token),
                portal.clock.instant().plus(TokenPurpose.INVITATION.validity()), portal.clock.instant());
        return token;
    }

    @Test
    void acceptingSetsThePasswordAndMakesTheUserActive() {
        String token = invitation(ann);

        service.accept(SetPasswordCommand.of(token, "correct horse battery"));

        PortalUser active = portal.reload(ann);
        assertEquals(UserStatus.ACTIVE, active.status());
        assertEquals("hashed:correct horse battery", active.passwordHash());
        assertEquals(List.of(AuditAction.INVITATION_ACCEPTED), portal.stores.auditLog().actions());
    }

    @Test
    void aLinkWorksOnce() {
        String token = invitation(ann);
        service.accept(SetPasswordCommand.of(token, "correct horse battery"));

        assertThrows(InvalidToken.class, () -> service.accept(SetPasswordCommand.of(token, "another good password")));
        assertEquals("hashed:correct horse battery", portal.reload(ann).passwordHash());
    }

    @Test
    void anExpiredUnknownOrMalformedLinkIsTheSameInvalidToken() {
        String token = invitation(ann);
        portal.clock.advance(Duration.ofDays(7));

        assertThrows(InvalidToken.class, () -> service.accept(SetPasswordCommand.of(token, "correct horse battery")));
        assertThrows(InvalidToken.class, () -> service.accept(SetPasswordCommand.of(SecretTokens.generate(),
                "correct horse battery")));
        assertThrows(InvalidToken.class, () -> service.accept(SetPasswordCommand.of("not a token!",
                "correct horse battery")));
        assertEquals(UserStatus.INVITED, portal.reload(ann).status());
    }

    @Test
    void aPasswordShorterThanTwelveCharactersIsRefusedBeforeTheLinkIsUsed() {
        String token = invitation(ann);

        InvalidInput invalid = assertThrows(InvalidInput.class, () -> SetPasswordCommand.of(token, "short"));

        assertEquals("password", invalid.errors().get(0).field().toString());
        service.accept(SetPasswordCommand.of(token, "correct horse battery"));
        assertEquals(UserStatus.ACTIVE, portal.reload(ann).status());
    }
}
