package dev.billingportal.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.InvalidValue;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.user.PortalUserId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Spec §11's table, written out once here as the spec prints it, against the code that every check asks. */
class OperatorRoleTest {
    private static final Map<OperatorRole, Set<Permission>> SPEC_TABLE = Map.of(
            OperatorRole.SUPPORT, EnumSet.of(Permission.READ_ACCOUNTS, Permission.ASSIST_CUSTOMERS),
            OperatorRole.BILLING, EnumSet.of(Permission.READ_ACCOUNTS, Permission.ASSIST_CUSTOMERS,
                    Permission.POST_BILLING),
            OperatorRole.ADMIN, EnumSet.allOf(Permission.class));

    @Test
    void everyRoleHoldsExactlyThePermissionsOfTheSpecsTable() {
        for (OperatorRole role : OperatorRole.values()) {
            for (Permission permission : Permission.values()) {
                assertEquals(SPEC_TABLE.get(role).contains(permission), role.may(permission), role + " / " + permission);
            }
        }
    }

    @Test
    void callersActWithTheirRoleAndPortalUsersHoldNoProviderPermission() {
        Actor support = new Actor.ApiKeyActor(ApiKeyId.random(), "helpdesk", OperatorRole.SUPPORT);
        Actor portalUser = new Actor.PortalUserActor(PortalUserId.random(), AccountId.random(), "ann@example.com");
        assertTrue(support.may(Permission.ASSIST_CUSTOMERS));
        assertFalse(support.may(Permission.POST_BILLING));
        assertTrue(Actor.INSTALLATION.may(Permission.ADMINISTER), "the installation key is an administrator");
        for (Permission permission : Permission.values()) {
            assertFalse(portalUser.may(permission), permission.name());
            assertFalse(Actor.SYSTEM.may(permission), permission.name());
        }
        assertThrows(AccessDenied.class, () -> ProviderAccessPolicy.require(support, Permission.POST_BILLING));
        assertThrows(AccessDenied.class, () -> ProviderAccessPolicy.require(portalUser, Permission.READ_ACCOUNTS));
        ProviderAccessPolicy.require(support, Permission.READ_ACCOUNTS);
    }

    @Test
    void theProviderReadsEveryAccountAPortalUserOnlyTheirs() {
        AccountId own = AccountId.random();
        Actor portalUser = new Actor.PortalUserActor(PortalUserId.random(), own, "ann@example.com");
        Actor operator = new Actor.OperatorActor(OperatorId.random(), "Sam", OperatorRole.SUPPORT, Instant.EPOCH);
        AccountAccessPolicy.require(operator, AccountId.random());
        AccountAccessPolicy.require(portalUser, own);
        assertThrows(NotFound.class, () -> AccountAccessPolicy.require(portalUser, AccountId.random()));
        assertThrows(NotFound.class, () -> AccountAccessPolicy.require(Actor.SYSTEM, own));
    }

    @Test
    void rolesAreWrittenInLowerCaseAndOthersRefused() {
        assertEquals(OperatorRole.BILLING, OperatorRole.parse("billing"));
        assertEquals(OperatorRole.ADMIN, OperatorRole.parse(" Admin "));
        assertEquals("support", OperatorRole.SUPPORT.code());
        assertThrows(InvalidValue.class, () -> OperatorRole.parse("root"));
    }

    @Test
    void aPersonsSecondFactorIsFreshForFiveMinutesKeysNeedNone() {
        Instant proved = Instant.parse("2026-11-25T08:00:00Z");
        Actor operator = new Actor.OperatorActor(OperatorId.random(), "Sam", OperatorRole.ADMIN, proved);
        StepUpPolicy.require(operator, proved.plusSeconds(300));
        assertThrows(dev.billingportal.domain.failure.StepUpRequired.class,
                () -> StepUpPolicy.require(operator, proved.plusSeconds(301)));
        StepUpPolicy.require(new Actor.ApiKeyActor(ApiKeyId.random(), "ci", OperatorRole.ADMIN), proved.plusSeconds(9999));
        StepUpPolicy.require(Actor.INSTALLATION, proved.plusSeconds(9999));
    }
}
