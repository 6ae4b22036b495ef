package dev.billingportal.domain.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.access.ActorKind;
import dev.billingportal.domain.access.ActorRef;
import dev.billingportal.domain.access.ApiKeyId;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.failure.InvalidValue;
import dev.billingportal.domain.failure.StateConflict;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecondFactorValuesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void recoveryCodesComeTenAtATimeDistinctAndAreReadBackHoweverTyped() {
        List<RecoveryCode> codes = RecoveryCode.generateSet();
        assertEquals(10, codes.size());
        assertEquals(10, new HashSet<>(codes).size());
        RecoveryCode first = codes.get(0);
        assertTrue(first.value().matches("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}"), first.value());
        String typed = " " + first.value().replace("-", " ").toUpperCase() + " ";
        assertEquals(Optional.of(first), RecoveryCode.parse(typed));
        assertEquals(first.hash(), RecoveryCode.parse(typed).orElseThrow().hash());
        assertTrue(RecoveryCode.parse("123456").isEmpty(), "an authenticator code is not a recovery code");
        assertFalse(first.toString().contains(first.value()));
    }

    @Test
    void aPasskeyWhoseCounterGoesBackOrStandsStillIsRefused() {
        PasskeyCredential key = PasskeyCredential.registered("cred-1", OperatorId.random(), "YubiKey", "record", 5, NOW);
        assertFalse(key.asserted(5, NOW), "the same counter again: a clone may have signed");
        assertFalse(key.asserted(4, NOW), "backwards");
        assertTrue(key.asserted(6, NOW));
        assertEquals(6, key.signCount());
        assertEquals(NOW, key.lastUsedAt());

        PasskeyCredential counterless = PasskeyCredential.registered("cred-2", OperatorId.random(), "Phone", "r", 0, NOW);
        assertTrue(counterless.asserted(0, NOW), "authenticators that do not count always send zero");
        assertTrue(counterless.asserted(0, NOW));
    }

    @Test
    void anApiKeyIsUsableUntilItExpiresOrIsRevokedAndShowsOnlyItsPrefix() {
        String secret = ApiKey.newSecret();
        assertTrue(secret.matches("bpk_[A-Za-z0-9_-]{43}"), secret);
        ActorRef admin = new ActorRef(ActorKind.INSTALLATION, Optional.empty(), "Installation key");
        ApiKey key = ApiKey.create(ApiKeyId.random(), "Billing system", OperatorRole.BILLING, secret, admin,
                Optional.of(NOW.plus(Duration.ofDays(30))), NOW);
        assertEquals(secret.substring(0, 12), key.prefix());
        assertTrue(key.isUsable(NOW));
        assertFalse(key.isUsable(NOW.plus(Duration.ofDays(30))), "expired");

        String next = ApiKey.newSecret();
        key.rotated(next);
        assertEquals(next.substring(0, 12), key.prefix());
        assertNotEquals(ApiKey.hash(secret), ApiKey.hash(next));

        key.revoke(NOW);
        assertFalse(key.isUsable(NOW));
        assertThrows(StateConflict.class, () -> key.revoke(NOW));
        assertThrows(StateConflict.class, () -> key.rotated(ApiKey.newSecret()));
    }

    @Test
    void aRotationsGraceIsADayUnlessAskedAndAtMostAWeek() {
        assertEquals(Duration.ofHours(24), ApiKey.grace(Optional.empty()));
        assertEquals(Duration.ZERO, ApiKey.grace(Optional.of(0)));
        assertEquals(Duration.ofHours(168), ApiKey.grace(Optional.of(168)));
        assertThrows(InvalidValue.class, () -> ApiKey.grace(Optional.of(169)));
        assertThrows(InvalidValue.class, () -> ApiKey.grace(Optional.of(-1)));
    }

    @Test
    void anApiKeysUseIsWrittenDownAtMostOnceAMinute() {
        ApiKey key = ApiKey.reconstitute(ApiKeyId.random(), "ci", OperatorRole.SUPPORT, "bpk_abcdefgh", NOW,
                new ActorRef(ActorKind.INSTALLATION, Optional.empty(), "Installation key"), null, null, NOW);
        assertFalse(key.shouldRecordUse(NOW.plusSeconds(59)));
        assertTrue(key.shouldRecordUse(NOW.plusSeconds(60)));
    }
}
