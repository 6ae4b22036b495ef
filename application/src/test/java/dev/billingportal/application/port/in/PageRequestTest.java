package dev.billingportal.application.port.in;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.domain.failure.InvalidInput;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A page is 1 to 200 items, 50 unless asked; the limit arrives as text and is checked here, once. */
class PageRequestTest {

    @Test
    void theLimitDefaultsToFiftyAndMustBeAWholeNumberFromOneToTwoHundred() {
        assertEquals(new PageRequest(Optional.empty(), 50), PageRequest.of(null, " "));
        assertEquals(new PageRequest(Optional.of("c"), 200), PageRequest.of(" 200 ", "c"));
        for (String bad : new String[] {"0", "201", "-1", "ten", "1e2", "99999999999"}) {
            InvalidInput invalid = assertThrows(InvalidInput.class, () -> PageRequest.of(bad, null), bad);
            assertEquals("limit", invalid.errors().get(0).field().toString());
        }
    }
}
