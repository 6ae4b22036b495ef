package dev.billingportal.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process with another secrets key than the database's does not start. */
class SecretsKeyCheckTest {
    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    @TempDir
    Path folder;
    private Database database;

    @BeforeEach
    void open() {
        database = TestDatabase.open(folder);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theFirstKeyIsTheDatabasesAndAnotherIsRefusedWithWhatToDo() {
        byte[] key = SecretSeal.newKey();
        assertDoesNotThrow(() -> SecretsKeyCheck.verify(database.dataSource(), new SecretSeal(key), NOW));
        assertDoesNotThrow(() -> SecretsKeyCheck.verify(database.dataSource(), new SecretSeal(key.clone()), NOW),
                "the same key, at the next start or in another process");

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SecretsKeyCheck.verify(database.dataSource(), new SecretSeal(SecretSeal.newKey()), NOW));
        assertTrue(refused.getMessage().contains("portal.secrets.key"), refused.getMessage());
    }
}
