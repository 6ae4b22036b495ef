package dev.billingportal.domain.user;

import dev.billingportal.domain.failure.InvalidValue;
import java.util.Locale;

/** The language of a portal user's web pages and e-mails (spec §3): Canadian English or Canadian French. */
public enum Language {
    EN_CA("en-CA"), FR_CA("fr-CA");

    public static final Language DEFAULT = EN_CA;

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** Its IETF tag, as the API writes it ({@code en-CA}); letter case is forgiven ({@code fr-ca}). */
    public static Language parse(String raw) {
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(raw.strip())) {
                return language;
            }
        }
        throw new InvalidValue("must be en-CA or fr-CA");
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The other one: what the language switch offers. */
    public Language other() {
        return this == EN_CA ? FR_CA : EN_CA;
    }
}
