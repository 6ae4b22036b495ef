package dev.billingportal.adapter.in.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Forms are read strictly: URL-encoded UTF-8, at most 64 KiB. */
class FormsTest {

    private static Forms read(byte[] body) {
        return Forms.read(new ByteArrayInputStream(body));
    }

    @Test
    void fieldsCheckboxesAndRepeatsAreRead() {
        Forms form = read("firstName=Zo%C3%AB&lastName=O%27Brien+Jr&type=PAYMENT&type=CREDIT&billingNotifications=on"
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(Optional.of("Zoë"), form.first("firstName"));
        assertEquals("O'Brien Jr", form.value("lastName"));
        assertEquals(List.of("PAYMENT", "CREDIT"), form.all("type"));
        assertTrue(form.checked("billingNotifications"));
        assertFalse(form.checked("missing"));
        assertEquals(null, form.value("missing"));
    }

    @Test
    void anOversizedMalformedOrNonUtf8BodyIsRefused() {
        assertThrows(Forms.Unreadable.class, () -> read(("a=" + "x".repeat(Forms.MAX_BYTES)).getBytes(
                StandardCharsets.UTF_8)));
        assertThrows(Forms.Unreadable.class, () -> read("a=%E9".getBytes(StandardCharsets.UTF_8)).value("a")
                .length());
        assertThrows(Forms.Unreadable.class, () -> read(new byte[] {'a', '=', (byte) 0xff}));
        assertThrows(Forms.Unreadable.class, () -> read("a=%zz".getBytes(StandardCharsets.UTF_8)));
    }
}
