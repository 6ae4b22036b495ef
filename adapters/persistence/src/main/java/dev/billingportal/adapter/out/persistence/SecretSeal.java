package dev.billingportal.adapter.out.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets the portal must be able to read back (an operator's authenticator secret, later webhooks' signing
 * secrets) are stored sealed: AES-256-GCM under the installation's secrets key ({@code portal.secrets.key}, or the
 * generated {@code {data-dir}/secrets-key}), with a fresh 96-bit nonce each time and the row's id as associated data —
 * so a sealed value copied into another row does not open. A database dump alone reveals none of them. The JDK's own
 * cipher: nothing here needs a library.
 */
public final class SecretSeal {
    /** Marks the format, so that a later one can be told apart. */
    private static final String VERSION = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretSeal(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The secrets key must be 32 bytes (256 bits), not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A new random key, for an installation that has none yet. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** {@code plain} sealed for the row {@code boundTo}: {@code v1:} and base64 of nonce, ciphertext and tag. */
    public String seal(byte[] plain, String boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES-GCM is in every JDK", impossible);
        }
    }

    /** The secret sealed for {@code boundTo}; a value sealed under another key or for another row does not open. */
    public byte[] open(String sealed, String boundTo) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("Not a sealed secret of this portal");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length));
        } catch (AEADBadTagException wrongKey) {
            throw new IllegalStateException("A sealed secret does not open with this installation's secrets key"
                    + " (portal.secrets.key): was the key changed?", wrongKey);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES-GCM is in every JDK", impossible);
        }
    }

    /** Never printed: it holds a key. */
    @Override
    public String toString() {
        return "SecretSeal[hidden]";
    }
}
