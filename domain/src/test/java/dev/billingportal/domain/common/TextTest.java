package dev.billingportal.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTest {
    /** The scan over chars finds exactly the code points of types Cc, Zl and Zp, wherever they stand. */
    @Test
    void controlCharactersAreExactlyTheUnicodeControlsAndSeparators() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            int type = Character.getType(c);
            boolean expected = type == Character.CONTROL || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            String text = "ab" + Character.toString(c) + "cd";
            if (expected != Text.hasControlCharacter(text)) {
                assertEquals(expected, Text.hasControlCharacter(text), "U+" + Integer.toHexString(c));
            }
        }
        assertTrue(Text.hasControlCharacter("line\r\nbreak"));
        assertFalse(Text.hasControlCharacter("Zoë O'Brien \uD83D\uDE00"));
    }
}
