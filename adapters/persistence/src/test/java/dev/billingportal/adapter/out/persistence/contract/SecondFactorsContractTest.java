package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.operator;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.operator.PasskeyCredential;
import dev.billingportal.testing.Stores;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** What the services rely on from {@code RecoveryCodes} and {@code Passkeys}. */
class SecondFactorsContractTest {

    private static boolean consume(Stores stores, Operator operator, String hash) {
        return stores.unitOfWork().inTransaction(() -> stores.recoveryCodes().consume(operator.id(), hash, NOW));
    }

    @EveryStore
    void aRecoveryCodeWorksOnceForItsOperatorAndANewSetReplacesTheOld(Stores stores) {
        Operator sam = operator(stores, OperatorRole.ADMIN, true);
        Operator other = operator(stores, OperatorRole.ADMIN, true);
        List<String> first = List.of(unique("code"), unique("code"), unique("code"));
        stores.unitOfWork().inTransaction(() -> stores.recoveryCodes().replace(sam.id(), first, NOW));

        assertEquals(3, stores.unitOfWork().inTransaction(() -> stores.recoveryCodes().remaining(sam.id())));
        assertFalse(consume(stores, other, first.get(0)), "another operator's code is not theirs");
        assertTrue(consume(stores, sam, first.get(0)));
        assertFalse(consume(stores, sam, first.get(0)), "once only");
        assertEquals(2, stores.unitOfWork().inTransaction(() -> stores.recoveryCodes().remaining(sam.id())));

        List<String> second = List.of(unique("code"));
        stores.unitOfWork().inTransaction(() -> stores.recoveryCodes().replace(sam.id(), second, NOW));
        assertFalse(consume(stores, sam, first.get(1)), "a new set ends the old one");
        assertEquals(1, stores.unitOfWork().inTransaction(() -> stores.recoveryCodes().remaining(sam.id())));
        stores.unitOfWork().inTransaction(() -> stores.recoveryCodes().deleteAll(sam.id()));
        assertFalse(consume(stores, sam, second.get(0)));
    }

    @EveryStore
    void aRecoveryCodeTriedByManyAtOnceWorksForOne(Stores stores) throws Exception {
        Operator sam = operator(stores, OperatorRole.ADMIN, true);
        String code = unique("code");
        stores.unitOfWork().inTransaction(() -> stores.recoveryCodes().replace(sam.id(), List.of(code), NOW));

        List<CompletableFuture<Boolean>> attempts = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return consume(stores, sam, code);
                    } catch (RuntimeException conflict) {
                        return false; // a serialisation failure is a refusal too
                    }
                })).toList();
        long accepted = 0;
        for (CompletableFuture<Boolean> attempt : attempts) {
            if (attempt.get(20, TimeUnit.SECONDS)) {
                accepted++;
            }
        }
        assertEquals(1, accepted);
    }

    @EveryStore
    void aPasskeyIsStoredOnceAndItsCounterOnlyMovesFromWhatWasRead(Stores stores) {
        Operator sam = operator(stores, OperatorRole.ADMIN, true);
        String credentialId = unique("credential");
        PasskeyCredential registered = PasskeyCredential.registered(credentialId, sam.id(), "YubiKey",
                "{\"record\":1}", 5, NOW);
        stores.unitOfWork().inTransaction(() -> stores.passkeys().add(registered));

        StateConflict twice = assertThrows(StateConflict.class, () -> stores.unitOfWork().inTransaction(
                () -> stores.passkeys().add(PasskeyCredential.registered(credentialId, sam.id(), "Again", "{}", 0,
                        NOW))));
        assertEquals("passkey-registered", twice.code());

        PasskeyCredential read = stores.unitOfWork().inTransaction(() -> stores.passkeys().find(credentialId))
                .orElseThrow();
        assertEquals("YubiKey", read.name());
        assertEquals("{\"record\":1}", read.verifierRecord());
        assertEquals(5, read.signCount());
        assertEquals(List.of(credentialId), stores.unitOfWork().inTransaction(() -> stores.passkeys().of(sam.id()))
                .stream().map(PasskeyCredential::credentialId).toList());

        PasskeyCredential firstUse = stores.unitOfWork().inTransaction(() -> stores.passkeys().find(credentialId))
                .orElseThrow();
        PasskeyCredential racingUse = stores.unitOfWork().inTransaction(() -> stores.passkeys().find(credentialId))
                .orElseThrow();
        assertTrue(firstUse.asserted(6, NOW.plusSeconds(1)));
        assertTrue(racingUse.asserted(6, NOW.plusSeconds(1)));
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.passkeys().recordUse(firstUse, 5)));
        assertFalse(stores.unitOfWork().inTransaction(() -> stores.passkeys().recordUse(racingUse, 5)),
                "one counter value passes once");
        PasskeyCredential used = stores.unitOfWork().inTransaction(() -> stores.passkeys().find(credentialId))
                .orElseThrow();
        assertEquals(6, used.signCount());
        assertEquals(NOW.plusSeconds(1), used.lastUsedAt());

        assertFalse(stores.unitOfWork().inTransaction(() -> stores.passkeys().remove(
                operator(stores, OperatorRole.ADMIN, true).id(), credentialId)), "only its owner removes it");
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.passkeys().remove(sam.id(), credentialId)));
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.passkeys().find(credentialId)).isEmpty());
    }
}
