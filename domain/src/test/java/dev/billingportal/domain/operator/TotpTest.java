package dev.billingportal.domain.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.failure.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
    /** RFC 6238 Appendix B's SHA-1 seed: the ASCII string "12345678901234567890". */
    private static final TotpSecret RFC_SEED = TotpSecret.of("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    /** RFC 6238 Appendix B, the SHA-1 rows: time (s), T (hex), the 8-digit TOTP. */
    @ParameterizedTest
    @CsvSource({
            "59, 0000000000000001, 94287082",
            "1111111109, 00000000023523EC, 07081804",
            "1111111111, 00000000023523ED, 14050471",
            "1234567890, 000000000273EF07, 89005924",
            "2000000000, 0000000003F940AA, 69279037",
            "20000000000, 0000000027BC86AA, 65353130"})
    void theRfcTestVectors(long seconds, String stepHex, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertEquals(Long.parseLong(stepHex, 16), step);
        assertEquals(expected, Totp.code(RFC_SEED, step, 8));
        // Six digits are the same number modulo 10^6: the vector's last six.
        assertEquals(expected.substring(2), Totp.code(RFC_SEED, step));
    }

    @Test
    void aCodeOfTheCurrentStepOrOneStepEitherSideIsAcceptedTwoStepsAwayIsNot() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long current = Totp.step(now);
        for (int offset = -1; offset <= 1; offset++) {
            String code = Totp.code(RFC_SEED, current + offset);
            assertEquals(OptionalLong.of(current + offset), Totp.matchingStep(RFC_SEED, code, now, Long.MIN_VALUE),
                    "offset " + offset);
        }
        for (int offset : new int[] {-2, 2}) {
            String code = Totp.code(RFC_SEED, current + offset);
            assertTrue(Totp.matchingStep(RFC_SEED, code, now, Long.MIN_VALUE).isEmpty(), "offset " + offset);
        }
    }

    @Test
    void aCodeIsAcceptedOnceAndNoEarlierCodeAfterIt() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long current = Totp.step(now);
        String code = Totp.code(RFC_SEED, current);
        assertTrue(Totp.matchingStep(RFC_SEED, code, now, current).isEmpty(), "the same code again");
        assertTrue(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, current - 1), now, current).isEmpty(),
                "an older code after a newer one");
        assertEquals(OptionalLong.of(current + 1),
                Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, current + 1), now, current));
    }

    @Test
    void typedNoiseIsNoCode() {
        Instant now = Instant.ofEpochSecond(59);
        assertEquals(OptionalLong.of(1), Totp.matchingStep(RFC_SEED, "287 082", now, Long.MIN_VALUE), "a space typed");
        for (String noise : new String[] {"", "28708", "2870822", "28708a", null}) {
            assertTrue(Totp.matchingStep(RFC_SEED, noise, now, Long.MIN_VALUE).isEmpty(), String.valueOf(noise));
        }
    }

    /** RFC 4648 §10's Base32 vectors, without their padding. */
    @ParameterizedTest
    @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void base32AsRfc4648WritesIt(String text, String base32) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        byte[] padded = new byte[10];
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        // TotpSecret needs 80 bits: the vector's text followed by zero bytes, whose bits are the zero bits RFC 4648 pads
        // the last group with — so the vector's Base32 is exactly the start of ours.
        assertTrue(TotpSecret.of(padded).base32().startsWith(base32), text);
    }

    @Test
    void aSecretSurvivesItsBase32TextAndNeverPrintsItself() {
        TotpSecret secret = TotpSecret.generate();
        assertEquals(32, secret.base32().length(), "160 bits in Base32");
        assertEquals(secret, TotpSecret.fromBase32(secret.base32().toLowerCase()));
        assertEquals(RFC_SEED, TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        assertTrue(!secret.toString().contains(secret.base32()));
        assertThrows(InvalidValue.class, () -> TotpSecret.fromBase32("NOT-BASE32!"));
    }

    @Test
    void theProvisioningUriNamesIssuerAccountAndTheRfcParameters() {
        String uri = Totp.provisioningUri(RFC_SEED, "Billing Console", "sam@example.com");
        assertEquals("otpauth://totp/Billing%20Console:sam%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=Billing%20Console&algorithm=SHA1&digits=6&period=30", uri);
    }
}
