package dev.billingportal.application.service.apikey;

import static dev.billingportal.testing.InMemoryPortal.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.apikey.ApiKeyCommand;
import dev.billingportal.application.port.in.apikey.CreateApiKeyCommand;
import dev.billingportal.application.port.in.apikey.CreatedApiKey;
import dev.billingportal.application.port.in.apikey.RotateApiKeyCommand;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ActorKind;
import dev.billingportal.domain.access.ApiKeyId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.failure.StepUpRequired;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.operator.ApiKey;
import dev.billingportal.testing.InMemoryPortal;
import dev.billingportal.testing.OperatorServices;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Spec §11: named keys, shown once and stored hashed, rotated with a grace, revoked at once; admins are told. */
class ApiKeyServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final OperatorServices services = new OperatorServices(portal);
    private final InMemoryPortal.EnrolledOperator ada = portal.operator("Ada", OperatorRole.ADMIN);
    private final Actor adaNow = InMemoryPortal.actor(ada.operator(), NOW);

    private CreatedApiKey create(Actor actor, String name, String role, String expiresAt) {
        return services.apiKeys.create(CreateApiKeyCommand.of(actor, name, role, expiresAt));
    }

    @Test
    void aKeyIsShownOnceStoredAsAHashAndActsWithItsRole() {
        CreatedApiKey created = create(adaNow, "Billing system", "billing", null);

        assertTrue(created.secret().startsWith("bpk_"));
        assertEquals(created.secret().substring(0, 12), created.key().prefix());
        assertFalse(portal.stores.apiKeys().secretHashes().contains(created.secret()), "never in clear");
        assertTrue(portal.stores.apiKeys().secretHashes().contains(ApiKey.hash(created.secret())));
        assertFalse(created.toString().contains(created.secret()));
        Actor.ApiKeyActor caller = (Actor.ApiKeyActor) services.apiCaller(created.secret()).orElseThrow();
        assertEquals(OperatorRole.BILLING, caller.role());
        ApiKey listed = services.apiKeys.list(adaNow).get(0);
        assertEquals(ActorKind.OPERATOR, listed.createdBy().kind());
        assertEquals("Ada", listed.createdBy().name());
        assertEquals(1, portal.deliveries(NotificationKind.SECURITY_NOTICE).size(), "Ada is told");
    }

    @Test
    void anExpiryInThePastOrAnUnknownRoleIsRefusedAndNothingIsMade() {
        assertThrows(RuleViolation.class, () -> create(adaNow, "Late", "support", NOW.minusSeconds(1).toString()));
        assertThrows(InvalidInput.class, () -> create(adaNow, "Root", "root", null));
        assertThrows(InvalidInput.class, () -> create(adaNow, " ", "support", null));
        assertTrue(services.apiKeys.list(adaNow).isEmpty());
    }

    @Test
    void onlyAdministratorsManageKeysAndAPersonNeedsAFreshSecondFactorToMakeOrRotateOne() {
        Actor billingKey = new Actor.ApiKeyActor(ApiKeyId.random(), "Billing system", OperatorRole.BILLING);
        assertThrows(AccessDenied.class, () -> create(billingKey, "Mine", "admin", null));
        assertThrows(AccessDenied.class, () -> services.apiKeys.list(billingKey));
        portal.clock.advance(Duration.ofMinutes(6));
        assertThrows(StepUpRequired.class, () -> create(adaNow, "CRM", "support", null));
        assertTrue(services.apiKeys.list(Actor.INSTALLATION).isEmpty());
        CreatedApiKey made = create(Actor.INSTALLATION, "CRM", "support", null);
        assertThrows(StepUpRequired.class, () -> services.apiKeys.rotate(RotateApiKeyCommand.of(adaNow,
                made.key().id(), null)));
        services.apiKeys.revoke(new ApiKeyCommand(adaNow, made.key().id())); // revoking asks for no step-up
    }

    @Test
    void aRotationKeepsTheOldSecretForItsGraceAndRevocationEndsEverySecretAtOnce() {
        CreatedApiKey first = create(adaNow, "CRM", "support", null);
        CreatedApiKey second = services.apiKeys.rotate(RotateApiKeyCommand.of(adaNow, first.key().id(), 2));

        assertEquals(first.key().id(), second.key().id(), "the same key, a new secret");
        assertTrue(services.apiCaller(first.secret()).isPresent());
        assertTrue(services.apiCaller(second.secret()).isPresent());
        portal.clock.advance(Duration.ofHours(2));
        assertTrue(services.apiCaller(first.secret()).isEmpty(), "the grace is over");
        assertTrue(services.apiCaller(second.secret()).isPresent());
        assertThrows(InvalidInput.class, () -> RotateApiKeyCommand.of(adaNow, first.key().id(), 169));

        CreatedApiKey third = services.apiKeys.rotate(RotateApiKeyCommand.of(Actor.INSTALLATION, first.key().id(),
                null));
        services.apiKeys.revoke(new ApiKeyCommand(Actor.INSTALLATION, first.key().id()));
        assertTrue(services.apiCaller(second.secret()).isEmpty(), "within its grace, but revoked");
        assertTrue(services.apiCaller(third.secret()).isEmpty());
        assertThrows(StateConflict.class, () -> services.apiKeys.revoke(new ApiKeyCommand(Actor.INSTALLATION,
                first.key().id())));
        assertEquals(List.of(AuditAction.API_KEY_CREATED, AuditAction.API_KEY_ROTATED, AuditAction.API_KEY_ROTATED,
                AuditAction.API_KEY_REVOKED), portal.stores.auditLog().actions());
        assertEquals(4, portal.deliveries(NotificationKind.SECURITY_NOTICE).size());
        assertEquals(Optional.empty(), services.apiKeys.list(adaNow).get(0).expiresAt());
    }
}
