package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installation key and the secrets key: configured, generated once (owner-read-only), or switched off. */
class SecretFilesTest {
    @TempDir
    Path dataDir;

    @Test
    void theInstallationKeyIsGeneratedOnceReadableByItsOwnerOnly() throws IOException {
        String first = OperatorTokenFile.resolve(Optional.empty(), dataDir).orElseThrow();
        String again = OperatorTokenFile.resolve(Optional.empty(), dataDir).orElseThrow();

        assertEquals(first, again, "a restart keeps the key");
        assertTrue(first.length() >= 43, first);
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ),
                Files.getPosixFilePermissions(dataDir.resolve(OperatorTokenFile.FILE_NAME)));
    }

    @Test
    void disabledTurnsTheInstallationKeyOffAndWritesNoFile() {
        assertEquals(Optional.empty(), OperatorTokenFile.resolve(Optional.of(" Disabled "), dataDir));
        assertFalse(Files.exists(dataDir.resolve(OperatorTokenFile.FILE_NAME)));
        assertEquals(Optional.of("a-configured-key-0123456789"),
                OperatorTokenFile.resolve(Optional.of("a-configured-key-0123456789"), dataDir));
    }

    @Test
    void theSecretsKeyIsConfiguredOrGeneratedOnceAndMustBe256Bits() throws IOException {
        byte[] generated = SecretsKeyFile.resolve(Optional.empty(), dataDir);
        assertEquals(32, generated.length);
        assertArrayEquals(generated, SecretsKeyFile.resolve(Optional.empty(), dataDir), "a restart keeps it");
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ),
                Files.getPosixFilePermissions(dataDir.resolve(SecretsKeyFile.FILE_NAME)));

        byte[] shared = new byte[32];
        shared[0] = 7;
        assertArrayEquals(shared, SecretsKeyFile.resolve(Optional.of(Base64.getEncoder().encodeToString(shared)),
                dataDir), "every process of a scaled-out portal shares the configured one");
        assertThrows(IllegalArgumentException.class, () -> SecretsKeyFile.resolve(
                Optional.of(Base64.getEncoder().encodeToString(new byte[16])), dataDir), "128 bits are too few");
        IllegalArgumentException notBase64 = assertThrows(IllegalArgumentException.class,
                () -> SecretsKeyFile.resolve(Optional.of("not base64 at all!"), dataDir));
        assertFalse(notBase64.getMessage().contains("not base64 at all"), "the value is not repeated");
    }
}
