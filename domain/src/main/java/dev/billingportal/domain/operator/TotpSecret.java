package dev.billingportal.domain.operator;

import dev.billingportal.domain.failure.InvalidValue;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;

/**
 * The shared secret of an operator's authenticator app (RFC 6238): 160 random bits, as RFC 4226 recommends for
 * HMAC-SHA-1, shown to the operator once as Base32 text (and as a QR code of its {@code otpauth:} URI). Stored only
 * sealed; never printed.
 */
public final class TotpSecret {
    public static final int BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final byte[] bytes;

    private TotpSecret(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public static TotpSecret generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new TotpSecret(bytes);
    }

    public static TotpSecret of(byte[] bytes) {
        if (bytes.length < 10) {
            throw new InvalidValue("a TOTP secret has at least 80 bits");
        }
        return new TotpSecret(bytes);
    }

    /** From its Base32 text (RFC 4648, no padding; spaces and letter case forgiven). */
    public static TotpSecret fromBase32(String text) {
        String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        byte[] out = new byte[clean.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new InvalidValue("is not Base32 text");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return of(out);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The text an authenticator app accepts when typed in: Base32, no padding. */
    public String base32() {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TotpSecret secret && java.security.MessageDigest.isEqual(bytes, secret.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Never printed: it is a secret. */
    @Override
    public String toString() {
        return "TotpSecret[hidden]";
    }
}
