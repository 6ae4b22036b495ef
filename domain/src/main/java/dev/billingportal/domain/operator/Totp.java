package dev.billingportal.domain.operator;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as spec §11 fixes them: RFC 6238 with HMAC-SHA-1, 6 digits, 30-second steps, the
 * current step and one on either side accepted (clocks drift), and each code accepted once — a code whose step is not
 * after the last accepted one is refused, so a code seen over a shoulder cannot be replayed.
 */
public final class Totp {
    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    /** Steps accepted on either side of the current one. */
    public static final int WINDOW = 1;

    private Totp() {
    }

    /** The time step of an instant: whole 30-second periods since the Unix epoch (RFC 6238 §4, T0 = 0). */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of {@code step} with {@code digits} digits (RFC 4226 §5.3's dynamic truncation), zero-padded. */
    public static String code(TotpSecret secret, long step, int digits) {
        byte[] hash = hmacSha1(secret.bytes(), ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0F;
        int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
                | ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
        int modulus = 1;
        for (int i = 0; i < digits; i++) {
            modulus *= 10;
        }
        String code = Integer.toString(binary % modulus);
        return "0".repeat(digits - code.length()) + code;
    }

    public static String code(TotpSecret secret, long step) {
        return code(secret, step, DIGITS);
    }

    /**
     * The step whose code {@code candidate} is, among the current step ±{@link #WINDOW}, if it is after
     * {@code lastAcceptedStep} (each code once); empty otherwise. Spaces are forgiven ({@code 123 456}).
     */
    public static OptionalLong matchingStep(TotpSecret secret, String candidate, Instant now, long lastAcceptedStep) {
        String typed = candidate == null ? "" : candidate.replace(" ", "");
        if (typed.length() != DIGITS || !typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            if (step > lastAcceptedStep
                    && java.security.MessageDigest.isEqual(code(secret, step).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    typed.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The {@code otpauth:} URI an authenticator app scans (Key Uri Format): issuer, account and secret. */
    public static String provisioningUri(TotpSecret secret, String issuer, String accountName) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + secret.base32() + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("Every JDK has HmacSHA1", impossible);
        }
    }
}
