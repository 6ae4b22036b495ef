package dev.billingportal.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The username and e-mail checks are hand-written scans (they run on every user read from the database); each is
 * compared here with the definition it replaced, on every character or on many generated candidates.
 */
class ValueChecksAgreeWithTheirDefinitionsTest {
    /** The e-mail rule as a regular expression: the HTML "valid e-mail address" rule with a dotted domain. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]");

    private static boolean emailByDefinition(String candidate) {
        return candidate.length() <= EmailAddress.MAX_LENGTH && candidate.indexOf('@') <= 64
                && EMAIL.matcher(candidate).matches();
    }

    @Test
    void theEmailScanAcceptsExactlyWhatTheExpressionAccepts() {
        List<String> candidates = new ArrayList<>(List.of("a@b.co", "a.b@c.de", "a..b@c.de", ".a@b.co", "a.@b.co",
                "a@b", "a@b.c", "a@-b.co", "a@b-.co", "a@b.c-o", "a@b.1o", "a@1.co", "a@b..co", "a@b.co.",
                "@b.co", "a@@b.co", "a b@c.de", "é@b.co", "a@b.cé", "x".repeat(64) + "@b.co", "x".repeat(65) + "@b.co",
                "a@" + "b".repeat(63) + ".co", "a@" + "b".repeat(64) + ".co", "a@b." + "c".repeat(63),
                "a@b." + "c".repeat(64), "a@" + "bcdefghij.".repeat(25) + "co", "!#$%&'*+/=?^_`{|}~-@b.co"));
        Random random = new Random(20261201L);
        String alphabet = "aZ09-.@!_~ é\n";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder candidate = new StringBuilder();
            int length = random.nextInt(16);
            for (int j = 0; j < length; j++) {
                candidate.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            candidates.add(candidate.toString());
            candidates.add("ab@" + candidate + ".ca"); // mostly domains
            candidates.add(candidate + "@example.com"); // mostly local parts
        }
        int accepted = 0;
        for (String candidate : candidates) {
            boolean expected = emailByDefinition(candidate);
            assertEquals(expected, EmailAddress.isValid(candidate), candidate);
            accepted += expected ? 1 : 0;
        }
        // the generated candidates reach both answers often, or this test would prove little
        assertTrue(accepted > 10_000 && accepted < candidates.size() - 10_000,
                accepted + " of " + candidates.size());
    }

    @Test
    void theUsernameScanRefusesExactlyTheSpacesAndControlsOfTheDefinition() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            boolean expected = Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT;
            if (expected != Username.isSpaceOrControl(c)) {
                assertEquals(expected, Username.isSpaceOrControl(c), "U+" + Integer.toHexString(c));
            }
        }
    }
}
