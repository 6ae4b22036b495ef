package dev.billingportal.adapter.out.passwords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class Argon2idPasswordHasherTest {
    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher();

    @Test
    void aHashIsAnArgon2idPhcStringThatMatchesOnlyItsPassword() {
        String hash = hasher.hash("correct horse battery staple");

        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.matches("correct horse battery staple", hash));
        assertFalse(hasher.matches("correct horse battery stapl", hash));
        assertFalse(hasher.matches("Correct horse battery staple", hash));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(hasher.hash("same password here"), hasher.hash("same password here"), "salted");
    }

    @Test
    void hashesKeepTheirOwnParameters() {
        String cheap = new Argon2idPasswordHasher(1024, 1, 1).hash("older, cheaper hash");

        assertTrue(hasher.matches("older, cheaper hash", cheap), "verification reads m, t, p from the hash");
    }

    @Test
    void malformedOrForeignHashesNeverMatch() {
        assertFalse(hasher.matches("x", null));
        assertFalse(hasher.matches("x", "plain-text"));
        assertFalse(hasher.matches("x", "$2a$10$abcdefghijklmnopqrstuuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01"));
    }

    @Test
    void theDerivationIsBouncyCastlesArgon2idWithThoseParameters() {
        String hash = hasher.hash("known answer");
        String[] parts = hash.split("\\$");
        byte[] salt = java.util.Base64.getDecoder().decode(parts[4]);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt)
                .withMemoryAsKB(19456).withIterations(2).withParallelism(1).build());
        byte[] expected = new byte[32];
        generator.generateBytes("known answer".getBytes(StandardCharsets.UTF_8), expected);

        assertEquals(HexFormat.of().formatHex(expected),
                HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(parts[5])));
    }
}
