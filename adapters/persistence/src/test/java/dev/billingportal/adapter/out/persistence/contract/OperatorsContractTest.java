package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.failure.VersionMismatch;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.operator.OperatorStatus;
import dev.billingportal.domain.operator.Totp;
import dev.billingportal.domain.operator.TotpSecret;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.testing.Stores;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** What the services rely on from {@code Operators}. */
class OperatorsContractTest {

    @EveryStore
    void anOperatorAndTheirAuthenticatorSecretsRoundTrip(Stores stores) {
        Operator sam = operator(stores, OperatorRole.BILLING, true);
        TotpSecret secret = TotpSecret.generate();
        TotpSecret pending = TotpSecret.generate();
        sam.beginTotpEnrolment(secret, NOW);
        assertTrue(sam.confirmTotpEnrolment(Totp.code(secret, Totp.step(NOW)), NOW));
        sam.beginTotpEnrolment(pending, NOW.plusSeconds(60));
        sam.signedIn(NOW.plusSeconds(61));
        Operator stored = stores.unitOfWork().inTransaction(() -> stores.operators().update(sam));

        Operator read = stores.unitOfWork().inTransaction(() -> stores.operators().find(sam.id())).orElseThrow();
        assertEquals(sam.email(), read.email());
        assertEquals(sam.name(), read.name());
        assertEquals(OperatorRole.BILLING, read.role());
        assertEquals(OperatorStatus.ACTIVE, read.status());
        assertEquals(Language.FR_CA, read.language());
        assertEquals(ZoneId.of("America/Toronto"), read.timeZone());
        assertEquals("hash-of-a-password", read.passwordHash());
        assertEquals(secret, read.totpSecret().orElseThrow(), "the authenticator secret comes back whole");
        assertEquals(pending, read.pendingTotpSecret().orElseThrow());
        assertEquals(sam.lastTotpStep(), read.lastTotpStep(), "the last accepted step is kept: each code works once");
        assertEquals(NOW.plusSeconds(61), read.lastSignInAt().orElseThrow());
        assertEquals(stored.version(), read.version());
        assertEquals(sam.id(), stores.unitOfWork().inTransaction(() -> stores.operators().findByEmail(
                new EmailAddress(sam.email().value().toUpperCase(Locale.ROOT)))).orElseThrow().id(),
                "found by address in any letter case");
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.operators().find(OperatorId.random())).isEmpty());
    }

    @EveryStore
    void anAddressIsOneOperatorsInAnyLetterCase(Stores stores) {
        Operator sam = operator(stores, OperatorRole.SUPPORT, false);
        Operator twin = Operator.invite(OperatorId.random(),
                new EmailAddress(sam.email().value().toUpperCase(Locale.ROOT)), new PersonName("Twin"),
                OperatorRole.ADMIN, Language.EN_CA, ZoneId.of("UTC"), NOW);

        StateConflict refused = assertThrows(StateConflict.class,
                () -> stores.unitOfWork().inTransaction(() -> stores.operators().add(twin)));
        assertEquals("operator-email-taken", refused.code());
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.operators().find(twin.id())).isEmpty());
    }

    @EveryStore
    void aStaleCopyCannotOverwriteALaterChange(Stores stores) {
        Operator sam = operator(stores, OperatorRole.SUPPORT, true);
        Operator first = stores.unitOfWork().inTransaction(() -> stores.operators().find(sam.id())).orElseThrow();
        Operator second = stores.unitOfWork().inTransaction(() -> stores.operators().find(sam.id())).orElseThrow();
        first.changeRole(OperatorRole.ADMIN, NOW.plusSeconds(1));
        stores.unitOfWork().inTransaction(() -> stores.operators().update(first));
        second.disable(NOW.plusSeconds(2));

        assertThrows(VersionMismatch.class,
                () -> stores.unitOfWork().inTransaction(() -> stores.operators().update(second)));
        Operator read = stores.unitOfWork().inTransaction(() -> stores.operators().find(sam.id())).orElseThrow();
        assertEquals(OperatorRole.ADMIN, read.role());
        assertEquals(OperatorStatus.ACTIVE, read.status());
    }

    @EveryStore
    void activeAdministratorsAreCountedAndListed(Stores stores) {
        long before = stores.unitOfWork().inTransaction(() -> stores.operators().lockRosterAndCountActiveAdmins());
        Operator admin = operator(stores, OperatorRole.ADMIN, true);
        operator(stores, OperatorRole.ADMIN, false); // invited: not active yet
        operator(stores, OperatorRole.BILLING, true);

        assertEquals(before + 1,
                stores.unitOfWork().inTransaction(() -> stores.operators().lockRosterAndCountActiveAdmins()));
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.operators().activeAdmins()).stream()
                .anyMatch(operator -> operator.id().equals(admin.id())));
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.operators().activeAdmins()).stream()
                .allMatch(Operator::isActiveAdmin));
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.operators().all()).stream()
                .anyMatch(operator -> operator.id().equals(admin.id())));
    }

    @EveryStore
    void theRosterLockIsHeldUntilTheUnitOfWorkEnds(Stores stores) throws Exception {
        CountDownLatch firstHoldsIt = new CountDownLatch(1);
        AtomicLong firstEnds = new AtomicLong();
        AtomicLong secondGetsIt = new AtomicLong();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> stores.unitOfWork().inTransaction(() -> {
            stores.operators().lockRosterAndCountActiveAdmins();
            firstHoldsIt.countDown();
            sleep(300);
            firstEnds.set(System.nanoTime());
        }));
        assertTrue(firstHoldsIt.await(10, TimeUnit.SECONDS));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> stores.unitOfWork().inTransaction(() -> {
            stores.operators().lockRosterAndCountActiveAdmins();
            secondGetsIt.set(System.nanoTime());
        }));
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);

        assertTrue(secondGetsIt.get() >= firstEnds.get(),
                "a second administrator change waits for the first to end: the last-admin rule cannot be raced");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
