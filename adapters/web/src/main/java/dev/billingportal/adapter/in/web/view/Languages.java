package dev.billingportal.adapter.in.web.view;

import dev.billingportal.domain.user.Language;
import java.util.List;
import java.util.Locale;

/** Before sign-in the browser's {@code Accept-Language} decides the page's language; en-CA when it names neither. */
public final class Languages {
    private Languages() {
    }

    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Language.DEFAULT;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException malformed) {
            return Language.DEFAULT;
        }
        for (Locale.LanguageRange range : ranges) {
            String tag = range.getRange().toLowerCase(Locale.ROOT);
            if (tag.equals("fr") || tag.startsWith("fr-")) {
                return Language.FR_CA;
            }
            if (tag.equals("en") || tag.startsWith("en-")) {
                return Language.EN_CA;
            }
        }
        return Language.DEFAULT;
    }
}
