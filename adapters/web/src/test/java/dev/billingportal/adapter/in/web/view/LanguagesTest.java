package dev.billingportal.adapter.in.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billingportal.domain.user.Language;
import org.junit.jupiter.api.Test;

/** Before sign-in, the browser's first language that the portal speaks decides; en-CA otherwise. */
class LanguagesTest {

    @Test
    void theBrowsersPreferenceDecides() {
        assertEquals(Language.FR_CA, Languages.fromAcceptLanguage("fr-CA,fr;q=0.9,en;q=0.8"));
        assertEquals(Language.FR_CA, Languages.fromAcceptLanguage("de;q=1.0, fr-FR;q=0.7, en;q=0.5"));
        assertEquals(Language.EN_CA, Languages.fromAcceptLanguage("en-US,en;q=0.9,fr;q=0.8"));
        assertEquals(Language.EN_CA, Languages.fromAcceptLanguage("de-DE"));
        assertEquals(Language.EN_CA, Languages.fromAcceptLanguage(null));
        assertEquals(Language.EN_CA, Languages.fromAcceptLanguage(";;;not a header"));
    }
}
