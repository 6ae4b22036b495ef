package dev.billingportal.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.operator.Totp;
import dev.billingportal.domain.operator.TotpSecret;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.user.PersonName;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator's authenticator secret is stored sealed: the table alone does not give it away. */
class JpaOperatorsTest {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    @TempDir
    Path folder;
    private Database database;
    private JpaUnitOfWork unitOfWork;

    @BeforeEach
    void open() {
        database = TestDatabase.open(folder);
        unitOfWork = new JpaUnitOfWork(database.entityManagerFactory());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theAuthenticatorSecretIsSealedAndOpensOnlyWithTheInstallationsKey() {
        SecretSeal seal = new SecretSeal(SecretSeal.newKey());
        JpaOperators operators = new JpaOperators(unitOfWork, seal);
        TotpSecret secret = TotpSecret.generate();
        Operator sam = Operator.invite(OperatorId.random(), new EmailAddress("sam@provider.example"),
                new PersonName("Sam"), OperatorRole.ADMIN, Language.EN_CA, ZoneId.of("UTC"), T0);
        sam.choosePassword("hash", T0);
        sam.beginTotpEnrolment(secret, T0);
        assertTrue(sam.confirmTotpEnrolment(Totp.code(secret, Totp.step(T0)), T0));
        unitOfWork.inTransaction(() -> operators.add(sam));

        List<?> stored = unitOfWork.inTransaction(() -> unitOfWork.entityManager()
                .createNativeQuery("SELECT totp_secret FROM operator").getResultList());
        String column = String.valueOf(stored.get(0));
        assertTrue(column.startsWith("v1:"), column);
        assertFalse(column.contains(secret.base32()), "not in clear");
        assertFalse(column.contains(java.util.Base64.getEncoder().encodeToString(secret.bytes())), "not encoded");

        assertEquals(secret, unitOfWork.inTransaction(() -> operators.find(sam.id())).orElseThrow().totpSecret()
                .orElseThrow());
        JpaOperators otherKey = new JpaOperators(unitOfWork, new SecretSeal(SecretSeal.newKey()));
        assertThrows(RuntimeException.class, () -> unitOfWork.inTransaction(() -> otherKey.find(sam.id())),
                "another installation's key opens nothing");
    }
}
