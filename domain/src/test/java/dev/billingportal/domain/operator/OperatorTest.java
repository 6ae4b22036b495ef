package dev.billingportal.domain.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.FieldChange;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.user.PersonName;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    private static Operator invited(OperatorRole role) {
        return Operator.invite(OperatorId.random(), new EmailAddress("Sam@Example.com"), new PersonName("Sam Roy"),
                role, Language.EN_CA, ZoneId.of("America/Toronto"), NOW);
    }

    @Test
    void anInvitedOperatorBecomesActiveWithAPasswordButHasNoSecondFactorUntilTheyEnrol() {
        Operator sam = invited(OperatorRole.SUPPORT);
        assertFalse(sam.canSignIn());
        sam.choosePassword("hash", NOW);
        assertEquals(OperatorStatus.ACTIVE, sam.status());
        assertTrue(sam.canSignIn());
        assertFalse(sam.hasSecondFactor());
        assertFalse(sam.acceptTotp("123456", NOW), "no authenticator, no code");
        assertEquals("sam@example.com", Operator.emailKey(sam.email()));
    }

    @Test
    void enrolmentCountsOnlyOnceAPendingSecretsCodeConfirmsItAndThatCodeIsSpent() {
        Operator sam = invited(OperatorRole.SUPPORT);
        sam.choosePassword("hash", NOW);
        assertThrows(StateConflict.class, () -> sam.confirmTotpEnrolment("123456", NOW), "nothing to confirm");
        TotpSecret secret = TotpSecret.generate();
        sam.beginTotpEnrolment(secret, NOW);
        String code = Totp.code(secret, Totp.step(NOW));
        assertFalse(sam.confirmTotpEnrolment(wrong(code), NOW));
        assertFalse(sam.hasSecondFactor());

        assertTrue(sam.confirmTotpEnrolment(code, NOW));
        assertTrue(sam.hasSecondFactor());
        assertFalse(sam.acceptTotp(code, NOW), "the enrolment's code was spent");
        Instant later = NOW.plusSeconds(30);
        assertTrue(sam.acceptTotp(Totp.code(secret, Totp.step(later)), later));
    }

    @Test
    void aResetClearsTheSecondFactorAndADisabledOperatorCannotSignInNorChange() {
        Operator sam = invited(OperatorRole.ADMIN);
        sam.choosePassword("hash", NOW);
        TotpSecret secret = TotpSecret.generate();
        sam.beginTotpEnrolment(secret, NOW);
        sam.confirmTotpEnrolment(Totp.code(secret, Totp.step(NOW)), NOW);
        sam.resetSecondFactor(NOW);
        assertFalse(sam.hasSecondFactor());

        sam.disable(NOW);
        assertFalse(sam.canSignIn());
        assertThrows(StateConflict.class, () -> sam.disable(NOW));
        assertThrows(StateConflict.class, () -> sam.changeRole(OperatorRole.SUPPORT, NOW));
        assertThrows(StateConflict.class, () -> sam.choosePassword("other", NOW));
    }

    @Test
    void aRoleChangeSaysWhatChanged() {
        Operator sam = invited(OperatorRole.SUPPORT);
        assertEquals(List.of(new FieldChange("role", "support", "billing")), sam.changeRole(OperatorRole.BILLING, NOW));
        assertEquals(List.of(), sam.changeRole(OperatorRole.BILLING, NOW), "no change, nothing to record");
    }

    @Test
    void theLastActiveAdministratorCanNeitherBeDemotedNorDisabled() {
        Operator admin = invited(OperatorRole.ADMIN);
        admin.choosePassword("hash", NOW);
        StateConflict refused = assertThrows(StateConflict.class,
                () -> AdministratorsPolicy.requireOneRemains(admin, false, 1));
        assertEquals("At least one active administrator must remain.", refused.getMessage());
        AdministratorsPolicy.requireOneRemains(admin, false, 2);
        AdministratorsPolicy.requireOneRemains(admin, true, 1);
        Operator invitedAdmin = invited(OperatorRole.ADMIN);
        AdministratorsPolicy.requireOneRemains(invitedAdmin, false, 1); // not active: does not count
    }

    private static String wrong(String code) {
        return code.charAt(0) == '0' ? "1" + code.substring(1) : "0" + code.substring(1);
    }
}
