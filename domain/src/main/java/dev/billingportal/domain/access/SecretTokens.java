package dev.billingportal.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer and one-time tokens: 256 random bits, URL-safe ({@code [A-Za-z0-9_-]}, 43 characters).
 * Only their SHA-256 is stored. A fast hash is enough here, unlike for passwords: a random 256-bit
 * token cannot be guessed, so the hash need not be slow.
 */
public final class SecretTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();
    private static final MessageDigest SHA_256 = sha256Instance();

    private SecretTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return URL_SAFE.encodeToString(bytes);
    }

    /** The stored form of a token: hex SHA-256. */
    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /** Compares two secrets in time that does not depend on where they differ. */
    public static boolean constantTimeEquals(String presented, String expected) {
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    /**
     * Compares two stored forms ({@link #hash}) in time that does not depend on where they differ: a presented token
     * hashed once serves both its comparison with a known secret's hash and its lookup.
     */
    public static boolean sameHash(String presentedHash, String expectedHash) {
        return MessageDigest.isEqual(presentedHash.getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** A copy of one SHA-256 instance: looking the algorithm up among the providers costs more than the digest. */
    private static byte[] sha256(String value) {
        try {
            return ((MessageDigest) SHA_256.clone()).digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException unexpected) {
            throw new IllegalStateException("SHA-256 cannot be copied", unexpected);
        }
    }

    private static MessageDigest sha256Instance() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JDK has SHA-256", impossible);
        }
    }
}
