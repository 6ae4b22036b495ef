package dev.billingportal.application.service.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.in.access.SetPasswordCommand;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.failure.InvalidToken;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.InMemoryPortal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reset link sets a new password within its hour and ends every session of the user (spec §4). */
class ResetPasswordServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final ResetPasswordService service = new ResetPasswordService(portal.stores.unitOfWork(),
            portal.stores.tokens(), portal.stores.users(), portal.stores.sessions(), InMemoryPortal.HASHER,
            portal.stores.auditLog(), portal.clock);
    private final PortalUser ann = portal.active(portal.account(), "Ann", false);

    private String resetLink() {
        String token = SecretTokens.generate();
        portal.stores.tokens().replace(ann.id(), TokenPurpose.PASSWORD_RESET, SecretTokens.hash(token),
                portal.clock.instant().plus(TokenPurpose.PASSWORD_RESET.validity()), portal.clock.instant());
        return token;
    }

    @Test
    void aResetSetsTheNewPasswordAndEndsEverySession() {
        portal.stores.sessions().open("a-session", ann.id(), SessionChannel.API, portal.clock.instant(),
                portal.clock.instant().plusSeconds(3600));
        portal.stores.sessions().open("another", ann.id(), SessionChannel.WEB, portal.clock.instant(),
                portal.clock.instant().plusSeconds(3600));

        service.reset(SetPasswordCommand.of(resetLink(), "a brand new password"));

        assertEquals("hashed:a brand new password", portal.reload(ann).passwordHash());
        assertEquals(0, portal.stores.sessions().count());
        assertEquals(List.of(AuditAction.PASSWORD_RESET), portal.stores.auditLog().actions());
    }

    @Test
    void aLinkOlderThanAnHourOrUsedOrForAnInvitationChangesNothing() {
        String late = resetLink();
        portal.clock.advance(Duration.ofHours(1));
        assertThrows(InvalidToken.class, () -> service.reset(SetPasswordCommand.of(late, "a brand new password")));

        String used = resetLink();
        service.reset(SetPasswordCommand.of(used, "a brand new password"));
        assertThrows(InvalidToken.class, () -> service.reset(SetPasswordCommand.of(used, "yet another password")));

        String invitation = SecretTokens.generate();
        portal.stores.tokens().replace(ann.id(), TokenPurpose.INVITATION, SecretTokens.hash(invitation),
                portal.clock.instant().plusSeconds(3600), portal.clock.instant());
        assertThrows(InvalidToken.class, () -> service.reset(SetPasswordCommand.of(invitation, "yet another password")));
        assertEquals("hashed:a brand new password", portal.reload(ann).passwordHash());
    }
}
