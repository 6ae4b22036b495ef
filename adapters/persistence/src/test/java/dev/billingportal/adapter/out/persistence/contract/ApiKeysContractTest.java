package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.access.ActorKind;
import dev.billingportal.domain.access.ActorRef;
import dev.billingportal.domain.access.ApiKeyId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.operator.ApiKey;
import dev.billingportal.testing.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What the services rely on from {@code ApiKeys}. */
class ApiKeysContractTest {
    private static final ActorRef ADMIN = new ActorRef(ActorKind.OPERATOR, Optional.of(UUID.randomUUID()), "Ada");

    private static Optional<ApiKey> bySecret(Stores stores, String secret, Instant at) {
        return stores.unitOfWork().inTransaction(() -> stores.apiKeys().findBySecret(ApiKey.hash(secret), at));
    }

    @EveryStore
    void aKeyIsFoundByItsSecretOnlyAndKeepsWhatItWasCreatedWith(Stores stores) {
        String secret = ApiKey.newSecret();
        ApiKey key = ApiKey.create(ApiKeyId.random(), "Billing system", OperatorRole.BILLING, secret, ADMIN,
                Optional.of(NOW.plus(Duration.ofDays(90))), NOW);
        stores.unitOfWork().inTransaction(() -> stores.apiKeys().add(key, ApiKey.hash(secret), NOW));

        ApiKey read = bySecret(stores, secret, NOW).orElseThrow();
        assertEquals(key.id(), read.id());
        assertEquals("Billing system", read.name());
        assertEquals(OperatorRole.BILLING, read.role());
        assertEquals(secret.substring(0, ApiKey.SHOWN_CHARACTERS), read.prefix());
        assertEquals(ADMIN, read.createdBy());
        assertEquals(Optional.of(NOW.plus(Duration.ofDays(90))), read.expiresAt());
        assertTrue(bySecret(stores, ApiKey.newSecret(), NOW).isEmpty());
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.apiKeys().all()).stream()
                .anyMatch(listed -> listed.id().equals(key.id())));

        stores.unitOfWork().inTransaction(() -> stores.apiKeys().touch(key.id(), NOW.plusSeconds(90)));
        assertEquals(Optional.of(NOW.plusSeconds(90)), stores.unitOfWork().inTransaction(
                () -> stores.apiKeys().find(key.id())).orElseThrow().lastUsedAt());

        read.revoke(NOW.plusSeconds(100));
        stores.unitOfWork().inTransaction(() -> stores.apiKeys().update(read));
        ApiKey revoked = stores.unitOfWork().inTransaction(() -> stores.apiKeys().find(key.id())).orElseThrow();
        assertEquals(Optional.of(NOW.plusSeconds(100)), revoked.revokedAt());
        assertEquals(Optional.of(NOW.plusSeconds(90)), revoked.lastUsedAt(), "an update does not undo a use");
        assertTrue(!revoked.isUsable(NOW.plusSeconds(101)), "the record says it is revoked, whatever finds it");
    }

    @EveryStore
    void aRotationKeepsTheOldSecretUntilItsGraceEnds(Stores stores) {
        String old = ApiKey.newSecret();
        ApiKey key = ApiKey.create(ApiKeyId.random(), "Feeder", OperatorRole.SUPPORT, old, ADMIN, Optional.empty(),
                NOW);
        stores.unitOfWork().inTransaction(() -> stores.apiKeys().add(key, ApiKey.hash(old), NOW));
        String fresh = ApiKey.newSecret();
        Instant rotated = NOW.plusSeconds(60);
        Instant graceEnds = rotated.plus(Duration.ofHours(24));
        key.rotated(fresh);
        stores.unitOfWork().inTransaction(() -> {
            stores.apiKeys().rotate(key.id(), ApiKey.hash(fresh), rotated, graceEnds);
            stores.apiKeys().update(key);
        });

        assertEquals(key.id(), bySecret(stores, old, graceEnds.minusMillis(1)).orElseThrow().id(), "in its grace");
        assertTrue(bySecret(stores, old, graceEnds).isEmpty(), "after its grace");
        assertEquals(key.id(), bySecret(stores, fresh, graceEnds.plusSeconds(3600)).orElseThrow().id());
        assertEquals(fresh.substring(0, ApiKey.SHOWN_CHARACTERS), stores.unitOfWork().inTransaction(
                () -> stores.apiKeys().find(key.id())).orElseThrow().prefix(), "the list shows the new secret's start");

        String third = ApiKey.newSecret();
        stores.unitOfWork().inTransaction(() -> stores.apiKeys().rotate(key.id(), ApiKey.hash(third),
                rotated.plusSeconds(10), rotated.plusSeconds(10)));
        assertTrue(bySecret(stores, old, rotated.plusSeconds(11)).isEmpty(), "a grace is never lengthened");
        assertTrue(bySecret(stores, fresh, rotated.plusSeconds(11)).isEmpty(), "a grace of zero ends it at once");
        assertTrue(bySecret(stores, third, rotated.plusSeconds(11)).isPresent());
    }
}
