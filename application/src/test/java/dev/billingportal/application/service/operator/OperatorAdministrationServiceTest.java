package dev.billingportal.application.service.operator;

import static dev.billingportal.testing.InMemoryPortal.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.operator.ChangeOperatorRoleCommand;
import dev.billingportal.application.port.in.operator.InviteOperatorCommand;
import dev.billingportal.application.port.in.operator.OperatorCommand;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ApiKeyId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.audit.Reason;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.failure.StepUpRequired;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.notification.Recipient;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.operator.OperatorStatus;
import dev.billingportal.domain.operator.PasskeyCredential;
import dev.billingportal.domain.operator.RecoveryCode;
import dev.billingportal.domain.user.FieldChange;
import dev.billingportal.testing.InMemoryPortal;
import dev.billingportal.testing.OperatorServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Spec §11: administrators invite, re-role, disable and reset operators; the last active administrator remains. */
class OperatorAdministrationServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final OperatorServices services = new OperatorServices(portal);
    private final InMemoryPortal.EnrolledOperator ada = portal.operator("Ada", OperatorRole.ADMIN);
    private final Actor adaNow = InMemoryPortal.actor(ada.operator(), NOW);

    @Test
    void anAdministratorInvitesAnOperatorWhoIsMailedAndEveryActiveAdministratorIsTold() {
        InMemoryPortal.EnrolledOperator bea = portal.operator("Bea", OperatorRole.ADMIN);
        Operator invited = services.administration.invite(InviteOperatorCommand.of(adaNow, "Sam@Provider.example",
                "Sam Roy", "support", null, null));

        assertEquals(OperatorStatus.INVITED, invited.status());
        assertEquals(OperatorRole.SUPPORT, invited.role());
        assertEquals(List.of(Recipient.of(invited.id())), portal.deliveries(NotificationKind.OPERATOR_INVITATION)
                .stream().map(Delivery::recipient).toList());
        assertEquals(Set.of(Recipient.of(ada.operator().id()), Recipient.of(bea.operator().id())),
                portal.deliveries(NotificationKind.SECURITY_NOTICE).stream().map(Delivery::recipient)
                        .collect(Collectors.toSet()));
        AuditEvent entry = last(AuditAction.OPERATOR_INVITED);
        assertEquals("Ada", entry.actor().name());
        assertEquals("Sam@Provider.example", entry.subject().orElseThrow().label());
        StateConflict twice = assertThrows(StateConflict.class, () -> services.administration.invite(
                InviteOperatorCommand.of(adaNow, "sam@provider.EXAMPLE", "Sam Again", "billing", null, null)));
        assertEquals("operator-email-taken", twice.code());
    }

    @Test
    void onlyAdministratorsManageOperatorsAndARefusalChangesNothing() {
        InMemoryPortal.EnrolledOperator sam = portal.operator("Sam", OperatorRole.SUPPORT);
        List<Actor> refused = List.of(InMemoryPortal.actor(sam.operator(), NOW),
                new Actor.ApiKeyActor(ApiKeyId.random(), "Billing system", OperatorRole.BILLING),
                InMemoryPortal.actor(portal.active(portal.account(), "Ann", false)));
        int auditBefore = portal.stores.auditLog().all().size();
        for (Actor actor : refused) {
            assertThrows(AccessDenied.class, () -> services.administration.invite(InviteOperatorCommand.of(actor,
                    "eve@provider.example", "Eve", "admin", null, null)));
            assertThrows(AccessDenied.class, () -> services.administration.changeRole(ChangeOperatorRoleCommand.of(
                    actor, sam.operator().id(), "admin", null)));
            assertThrows(AccessDenied.class, () -> services.administration.disable(new OperatorCommand(actor,
                    ada.operator().id(), Optional.empty())));
            assertThrows(AccessDenied.class, () -> services.administration.list(actor));
        }
        assertEquals(2, portal.stores.operators().all().size());
        assertEquals(OperatorRole.SUPPORT, portal.stores.operators().find(sam.operator().id()).orElseThrow().role());
        assertEquals(auditBefore, portal.stores.auditLog().all().size());
    }

    @Test
    void invitingReRolingAndResettingAskAPersonForASecondFactorFromTheLastFiveMinutes() {
        InMemoryPortal.EnrolledOperator sam = portal.operator("Sam", OperatorRole.SUPPORT);
        portal.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThrows(StepUpRequired.class, () -> services.administration.invite(InviteOperatorCommand.of(adaNow,
                "eve@provider.example", "Eve", "support", null, null)));
        assertThrows(StepUpRequired.class, () -> services.administration.changeRole(ChangeOperatorRoleCommand.of(
                adaNow, sam.operator().id(), "billing", null)));
        assertThrows(StepUpRequired.class, () -> services.administration.resetSecondFactor(new OperatorCommand(
                adaNow, sam.operator().id(), Optional.empty())));
        assertEquals(OperatorRole.SUPPORT, portal.stores.operators().find(sam.operator().id()).orElseThrow().role());

        Actor stepped = InMemoryPortal.actor(ada.operator(), portal.clock.instant());
        assertEquals(OperatorRole.BILLING, services.administration.changeRole(ChangeOperatorRoleCommand.of(stepped,
                sam.operator().id(), "billing", "Moves to the billing desk")).role());
        AuditEvent changed = last(AuditAction.OPERATOR_ROLE_CHANGED);
        assertEquals(List.of(new FieldChange("role", "support", "billing")), changed.changes());
        assertEquals(Optional.of(new Reason("Moves to the billing desk")), changed.reason());
        services.administration.disable(new OperatorCommand(adaNow, sam.operator().id(), Optional.empty()));
    }

    @Test
    void theLastActiveAdministratorCanNeitherBeDemotedNorDisabled() {
        StateConflict demoted = assertThrows(StateConflict.class, () -> services.administration.changeRole(
                ChangeOperatorRoleCommand.of(adaNow, ada.operator().id(), "support", null)));
        assertEquals("At least one active administrator must remain.", demoted.getMessage());
        assertThrows(StateConflict.class, () -> services.administration.disable(new OperatorCommand(adaNow,
                ada.operator().id(), Optional.empty())));
        assertEquals(OperatorRole.ADMIN, portal.stores.operators().find(ada.operator().id()).orElseThrow().role());

        portal.operator("Bea", OperatorRole.ADMIN);
        services.administration.changeRole(ChangeOperatorRoleCommand.of(adaNow, ada.operator().id(), "support", null));
        assertEquals(OperatorRole.SUPPORT, portal.stores.operators().find(ada.operator().id()).orElseThrow().role());
    }

    @Test
    void twoAdministratorsDemotingEachOtherAtOnceLeaveOneAdministrator() throws Exception {
        InMemoryPortal.EnrolledOperator bea = portal.operator("Bea", OperatorRole.ADMIN);
        Actor beaNow = InMemoryPortal.actor(bea.operator(), NOW);
        for (int round = 0; round < 20; round++) {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Boolean>> outcomes = new ArrayList<>();
                outcomes.add(pool.submit(() -> demote(start, adaNow, bea.operator())));
                outcomes.add(pool.submit(() -> demote(start, beaNow, ada.operator())));
                start.countDown();
                int succeeded = 0;
                for (Future<Boolean> outcome : outcomes) {
                    succeeded += outcome.get(10, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertEquals(1, succeeded, "round " + round);
                assertEquals(1, portal.stores.operators().activeAdmins().size(), "round " + round);
            } finally {
                pool.shutdownNow();
            }
            // Both administrators again for the next round.
            for (Operator operator : portal.stores.operators().all()) {
                if (operator.role() != OperatorRole.ADMIN) {
                    operator.changeRole(OperatorRole.ADMIN, NOW);
                    portal.stores.operators().update(operator);
                }
            }
        }
    }

    private boolean demote(CountDownLatch start, Actor by, Operator target) throws InterruptedException {
        start.await();
        try {
            services.administration.changeRole(ChangeOperatorRoleCommand.of(by, target.id(), "support", null));
            return true;
        } catch (StateConflict lastAdmin) {
            return false;
        }
    }

    @Test
    void disablingEndsTheOperatorsSessionsAtOnce() {
        InMemoryPortal.EnrolledOperator sam = portal.operator("Sam", OperatorRole.SUPPORT);
        String session = portal.consoleSession(sam.operator());
        services.administration.disable(new OperatorCommand(adaNow, sam.operator().id(),
                Optional.of(new Reason("Left the company"))));
        assertTrue(services.consoleCaller(session).isEmpty());
        assertEquals(0, portal.stores.consoleSessions().count(sam.operator().id()));
        assertEquals(OperatorStatus.DISABLED, portal.stores.operators().find(sam.operator().id()).orElseThrow()
                .status());
        assertEquals(1, portal.deliveries(NotificationKind.SECURITY_NOTICE).size(), "Ada, the one active admin");
    }

    @Test
    void aResetSecondFactorClearsAuthenticatorRecoveryCodesAndPasskeysAndEndsTheSessions() {
        InMemoryPortal.EnrolledOperator sam = portal.operator("Sam", OperatorRole.SUPPORT);
        String session = portal.consoleSession(sam.operator());
        portal.stores.recoveryCodes().replace(sam.operator().id(),
                RecoveryCode.generateSet().stream().map(RecoveryCode::hash).toList(), NOW);
        portal.stores.passkeys().add(PasskeyCredential.registered("cred-1", sam.operator().id(), "Key", "r", 0, NOW));

        services.administration.resetSecondFactor(new OperatorCommand(adaNow, sam.operator().id(), Optional.empty()));

        Operator reset = portal.stores.operators().find(sam.operator().id()).orElseThrow();
        assertTrue(!reset.hasSecondFactor());
        assertEquals(0, portal.stores.recoveryCodes().remaining(reset.id()));
        assertTrue(portal.stores.passkeys().of(reset.id()).isEmpty());
        assertTrue(services.consoleCaller(session).isEmpty());
    }

    private AuditEvent last(AuditAction action) {
        List<AuditEvent> all = portal.stores.auditLog().all().stream().filter(e -> e.action() == action).toList();
        return all.get(all.size() - 1);
    }
}
