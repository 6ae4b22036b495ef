package dev.billingportal.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.InvalidValue;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortalUserValuesTest {

    @Test
    void aUsernameIsTrimmedAndComparedWithoutLetterCase() {
        Username typed = Username.of("  Alice@Example.COM ");

        assertEquals("Alice@Example.COM", typed.value(), "shown as typed, without the spaces");
        assertEquals("alice@example.com", typed.key());
        assertEquals(Username.of("alice@example.com"), typed);
        assertNotEquals(Username.of("alice2@example.com"), typed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "has space@example.com", "tab\there", "line\nbreak", "zero\u200Bwidth", ""})
    void aUsernameHasNoSpacesOrControlsAndAtLeastThreeCharacters(String raw) {
        assertThrows(InvalidValue.class, () -> Username.of(raw));
    }

    @Test
    void aUsernameMayBe254CharactersButNotMore() {
        assertEquals(254, Username.of("u".repeat(254)).value().length());
        assertThrows(InvalidValue.class, () -> Username.of("u".repeat(255)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zoë", "O'Brien", "Gagné-Tremblay", "李", "Ng", "<script>alert(1)</script>"})
    void namesAllowAccentsApostrophesHyphensAndAnyScript(String name) {
        assertEquals(name, new PersonName(name).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann\r\nBcc: x@example.com", "Ann\nLee", "Ann\u0000", "Ann\u2028Lee", "   ", ""})
    void namesRefuseLineBreaksControlsAndBlanks(String name) {
        assertThrows(InvalidValue.class, () -> new PersonName(name));
    }

    @Test
    void namesAreTrimmedAndAtMostAHundredCharacters() {
        assertEquals("Ann", new PersonName("  Ann  ").value());
        assertEquals(100, new PersonName("é".repeat(100)).value().length());
        assertThrows(InvalidValue.class, () -> new PersonName("é".repeat(101)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@example.com", "first.last+tag@sub.example.ca", "o'brien@example.ie"})
    void validEmailAddresses(String address) {
        assertEquals(address, new EmailAddress(address).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a@b", "@example.com", "a@.example.com", "a..b@example.com", "a b@example.com",
            "a@example.com\r\nBcc: x@example.com"})
    void invalidEmailAddresses(String address) {
        assertThrows(InvalidValue.class, () -> new EmailAddress(address));
    }

    @Test
    void timeZonesAreIanaRegionsAndForgiveLetterCase() {
        assertEquals(ZoneId.of("America/St_Johns"), TimeZones.parse("america/st_johns"));
        assertThrows(InvalidValue.class, () -> TimeZones.parse("Mars/Olympus_Mons"));
        assertThrows(InvalidValue.class, () -> TimeZones.parse("EST"), "legacy aliases name no place");
        assertThrows(InvalidValue.class, () -> TimeZones.parse("+05:00"));
        assertTrue(TimeZones.all().contains("America/Toronto"));
        assertTrue(TimeZones.all().contains("UTC"));
        assertFalse(TimeZones.all().stream().anyMatch(id -> id.startsWith("Etc/") || id.startsWith("SystemV/")));
        assertEquals(TimeZones.all().stream().sorted().toList(), TimeZones.all(), "sorted");
    }

    @Test
    void theEmailDefaultsToTheUsernameOnlyWhenThatIsAnAddress() {
        PortalUserProfile withDefault = new PortalUserProfile(Username.of("ann@example.com"), null,
                new PersonName("Ann"), new PersonName("Lee"), ZoneId.of("UTC"), false);
        assertEquals(new EmailAddress("ann@example.com"), withDefault.email());

        InvalidInput missing = assertThrows(InvalidInput.class, () -> new PortalUserProfile(Username.of("ann.lee"),
                null, new PersonName("Ann"), new PersonName("Lee"), ZoneId.of("UTC"), false));
        assertEquals("email", missing.errors().get(0).field().toString());
    }
}
