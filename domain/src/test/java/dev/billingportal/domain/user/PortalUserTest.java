package dev.billingportal.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.CannotDeleteOwnUser;
import dev.billingportal.domain.failure.StateConflict;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortalUserTest {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    static PortalUser invited(String username) {
        return PortalUser.invite(PortalUserId.random(), AccountId.random(), new PortalUserProfile(
                Username.of(username), null, new PersonName("Ann"), new PersonName("Lee"),
                ZoneId.of("America/Toronto"), false), T0);
    }

    @Test
    void aNewUserIsInvitedAndCannotSignIn() {
        PortalUser user = invited("ann@example.com");

        assertEquals(UserStatus.INVITED, user.status());
        assertFalse(user.canSignIn());
    }

    @Test
    void editingReportsEachChangedFieldWithItsBeforeAndAfter() {
        PortalUser user = invited("ann@example.com");

        List<FieldChange> changes = user.edit(new ProfileEdit(null, new PersonName("Annie"), new PersonName("Lee"),
                ZoneId.of("America/Vancouver"), true), T1);

        assertEquals(List.of(
                new FieldChange("firstName", "Ann", "Annie"),
                new FieldChange("timeZone", "America/Toronto", "America/Vancouver"),
                new FieldChange("billingNotifications", "false", "true")), changes);
        assertEquals(T1, user.updatedAt());
        assertEquals("ann@example.com", user.email().value(), "the e-mail stays the username's");
    }

    @Test
    void anEditThatChangesNothingTouchesNothing() {
        PortalUser user = invited("ann@example.com");

        assertTrue(user.edit(new ProfileEdit(null, new PersonName("Ann"), new PersonName("Lee"),
                ZoneId.of("America/Toronto"), false), T1).isEmpty());
        assertEquals(T0, user.updatedAt());
    }

    @Test
    void nobodyDeletesThemself() {
        PortalUser user = invited("ann@example.com");

        CannotDeleteOwnUser refused = assertThrows(CannotDeleteOwnUser.class, () -> user.delete(user.id(), T1));

        assertEquals("You cannot delete your own Billing Portal user.", refused.getMessage());
        assertEquals(UserStatus.INVITED, user.status(), "nothing changed");
    }

    @Test
    void deletionLeavesATombstoneThatSupportCanRestore() {
        PortalUser active = invited("ann@example.com");
        active.choosePassword("$argon2id$hash", T0);
        PortalUser neverSignedIn = invited("bob@example.com");

        active.delete(PortalUserId.random(), T1);
        neverSignedIn.delete(PortalUserId.random(), T1);

        assertEquals(UserStatus.DELETED, active.status());
        assertEquals(T1, active.deletedAt());
        assertFalse(active.receivesBillingNotifications());
        assertThrows(StateConflict.class, () -> active.delete(PortalUserId.random(), T1));

        assertEquals(UserStatus.ACTIVE, active.restore(T1), "they had a password");
        assertEquals(UserStatus.INVITED, neverSignedIn.restore(T1), "they never chose one");
        assertNull(active.deletedAt());
        assertThrows(StateConflict.class, () -> active.restore(T1), "only deleted users are restored");
    }
}
