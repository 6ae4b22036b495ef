package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.account;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.operator;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.unique;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.Stores;
import java.time.Instant;
import java.util.Optional;

/** What the services rely on from {@code OneTimeTokens}. */
class OneTimeTokensContractTest {

    private static Optional<?> consume(Stores stores, String hash, TokenPurpose purpose, Instant at) {
        return stores.unitOfWork().inTransaction(() -> stores.tokens().consume(hash, purpose, at));
    }

    @EveryStore
    void aTokenWorksOnceForItsPurposeBeforeItExpires(Stores stores) {
        PortalUser ann = user(stores, account(stores), "ann", false);
        String hash = unique("token");
        stores.unitOfWork().inTransaction(() -> stores.tokens().replace(ann.id(), TokenPurpose.INVITATION, hash,
                NOW.plusSeconds(3600), NOW));

        assertEquals(Optional.of(ann.id()), stores.unitOfWork().inTransaction(() -> stores.tokens().peek(hash,
                TokenPurpose.INVITATION, NOW)), "a peek changes nothing");
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.tokens().peek(hash, TokenPurpose.PASSWORD_RESET,
                NOW)).isEmpty());
        assertTrue(consume(stores, hash, TokenPurpose.PASSWORD_RESET, NOW).isEmpty(), "not for another purpose");
        assertTrue(consume(stores, hash, TokenPurpose.INVITATION, NOW.plusSeconds(3600)).isEmpty(), "expired");
        assertEquals(Optional.of(ann.id()), consume(stores, hash, TokenPurpose.INVITATION, NOW.plusSeconds(3599)));
        assertTrue(consume(stores, hash, TokenPurpose.INVITATION, NOW.plusSeconds(1)).isEmpty(), "used");
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.tokens().peek(hash, TokenPurpose.INVITATION,
                NOW.plusSeconds(1))).isEmpty(), "a used link is seen as used");
    }

    @EveryStore
    void aNewTokenReplacesTheOldOneAndRevokingEndsThem(Stores stores) {
        PortalUser ann = user(stores, account(stores), "ann", false);
        String old = unique("token");
        String fresh = unique("token");
        String reset = unique("token");
        stores.unitOfWork().inTransaction(() -> {
            stores.tokens().replace(ann.id(), TokenPurpose.INVITATION, old, NOW.plusSeconds(3600), NOW);
            stores.tokens().replace(ann.id(), TokenPurpose.INVITATION, fresh, NOW.plusSeconds(3600), NOW);
            stores.tokens().replace(ann.id(), TokenPurpose.PASSWORD_RESET, reset, NOW.plusSeconds(3600), NOW);
        });

        assertTrue(consume(stores, old, TokenPurpose.INVITATION, NOW).isEmpty(), "replaced");
        stores.unitOfWork().inTransaction(() -> stores.tokens().revoke(ann.id(), TokenPurpose.INVITATION));
        assertTrue(consume(stores, fresh, TokenPurpose.INVITATION, NOW).isEmpty(), "revoked");
        assertEquals(Optional.of(ann.id()), consume(stores, reset, TokenPurpose.PASSWORD_RESET, NOW),
                "revoking one purpose leaves the other");
    }

    @EveryStore
    void anOperatorsTokenIsTheirsAndNotAPortalUsers(Stores stores) {
        Operator sam = operator(stores, OperatorRole.ADMIN, false);
        String hash = unique("token");
        stores.unitOfWork().inTransaction(() -> stores.operatorTokens().replace(sam.id(), TokenPurpose.INVITATION,
                hash, NOW.plusSeconds(3600), NOW));

        assertTrue(consume(stores, hash, TokenPurpose.INVITATION, NOW).isEmpty(),
                "a portal user's link cannot use an operator's token");
        assertEquals(Optional.of(sam.id()), stores.unitOfWork().inTransaction(
                () -> stores.operatorTokens().peek(hash, TokenPurpose.INVITATION, NOW)));
        assertEquals(Optional.of(sam.id()), stores.unitOfWork().inTransaction(
                () -> stores.operatorTokens().consume(hash, TokenPurpose.INVITATION, NOW)));
        assertTrue(stores.unitOfWork().inTransaction(
                () -> stores.operatorTokens().consume(hash, TokenPurpose.INVITATION, NOW)).isEmpty(), "used");

        String reset = unique("token");
        stores.unitOfWork().inTransaction(() -> stores.operatorTokens().replace(sam.id(),
                TokenPurpose.PASSWORD_RESET, reset, NOW.plusSeconds(3600), NOW));
        stores.unitOfWork().inTransaction(() -> stores.operatorTokens().revoke(sam.id(), TokenPurpose.PASSWORD_RESET));
        assertTrue(stores.unitOfWork().inTransaction(
                () -> stores.operatorTokens().peek(reset, TokenPurpose.PASSWORD_RESET, NOW)).isEmpty(), "revoked");
    }
}
