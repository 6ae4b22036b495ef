package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.operator;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.out.ConsoleSessions;
import dev.billingportal.domain.access.ConsoleStage;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.testing.Stores;
import java.util.Optional;

/** What the services rely on from {@code ConsoleSessions}. */
class ConsoleSessionsContractTest {

    private static Optional<ConsoleSessions.StoredSession> find(Stores stores, String hash) {
        return stores.unitOfWork().inTransaction(() -> stores.consoleSessions().find(hash));
    }

    @EveryStore
    void aSessionKeepsItsStageOwnerTimesAndChallenge(Stores stores) {
        Operator sam = operator(stores, OperatorRole.BILLING, true);
        String hash = unique("console");
        stores.unitOfWork().inTransaction(() -> stores.consoleSessions().open(hash, sam.id(), ConsoleStage.FULL, NOW,
                NOW.plusSeconds(900), Optional.of(NOW)));

        ConsoleSessions.StoredSession session = find(stores, hash).orElseThrow();
        assertEquals(new ConsoleSessions.Owner(sam.id(), "Sam Operator", OperatorRole.BILLING), session.owner());
        assertEquals(ConsoleStage.FULL, session.stage());
        assertEquals(NOW, session.createdAt());
        assertEquals(NOW, session.lastUsedAt());
        assertEquals(NOW.plusSeconds(900), session.expiresAt());
        assertEquals(Optional.of(NOW), session.secondFactorAt());
        assertEquals(Optional.empty(), session.challenge());

        stores.unitOfWork().inTransaction(() -> {
            stores.consoleSessions().touch(hash, NOW.plusSeconds(120));
            stores.consoleSessions().secondFactorProved(hash, NOW.plusSeconds(130));
            stores.consoleSessions().challenge(hash, Optional.of("challenge-1"));
        });
        ConsoleSessions.StoredSession used = find(stores, hash).orElseThrow();
        assertEquals(NOW.plusSeconds(120), used.lastUsedAt());
        assertEquals(Optional.of(NOW.plusSeconds(130)), used.secondFactorAt());
        assertEquals(Optional.of("challenge-1"), used.challenge());
        stores.unitOfWork().inTransaction(() -> stores.consoleSessions().challenge(hash, Optional.empty()));
        assertEquals(Optional.empty(), find(stores, hash).orElseThrow().challenge(), "a challenge is used once");

        stores.unitOfWork().inTransaction(() -> stores.consoleSessions().close(hash));
        assertTrue(find(stores, hash).isEmpty());
    }

    @EveryStore
    void aHalfWaySessionHasNoSecondFactorYet(Stores stores) {
        Operator sam = operator(stores, OperatorRole.SUPPORT, true);
        String hash = unique("console");
        stores.unitOfWork().inTransaction(() -> stores.consoleSessions().open(hash, sam.id(),
                ConsoleStage.SECOND_FACTOR, NOW, NOW.plusSeconds(600), Optional.empty()));

        ConsoleSessions.StoredSession session = find(stores, hash).orElseThrow();
        assertEquals(ConsoleStage.SECOND_FACTOR, session.stage());
        assertEquals(Optional.empty(), session.secondFactorAt());
    }

    @EveryStore
    void closingAnOperatorsSessionsCanKeepOneAndDisablingEndsThemAll(Stores stores) {
        Operator sam = operator(stores, OperatorRole.ADMIN, true);
        Operator other = operator(stores, OperatorRole.ADMIN, true);
        String kept = unique("console");
        String ended = unique("console");
        String others = unique("console");
        stores.unitOfWork().inTransaction(() -> {
            for (String hash : new String[] {kept, ended}) {
                stores.consoleSessions().open(hash, sam.id(), ConsoleStage.FULL, NOW, NOW.plusSeconds(900),
                        Optional.of(NOW));
            }
            stores.consoleSessions().open(others, other.id(), ConsoleStage.FULL, NOW, NOW.plusSeconds(900),
                    Optional.of(NOW));
        });

        stores.unitOfWork().inTransaction(() -> stores.consoleSessions().closeOthers(sam.id(), kept));
        assertTrue(find(stores, kept).isPresent());
        assertTrue(find(stores, ended).isEmpty());
        assertTrue(find(stores, others).isPresent(), "another operator's sessions are theirs");

        Operator disabled = stores.unitOfWork().inTransaction(() -> stores.operators().find(other.id()))
                .orElseThrow();
        disabled.disable(NOW.plusSeconds(5));
        stores.unitOfWork().inTransaction(() -> stores.operators().update(disabled));
        assertTrue(find(stores, others).isEmpty(), "a disabled operator's session opens nothing, at once");

        stores.unitOfWork().inTransaction(() -> stores.consoleSessions().closeAll(sam.id()));
        assertTrue(find(stores, kept).isEmpty());
    }
}
