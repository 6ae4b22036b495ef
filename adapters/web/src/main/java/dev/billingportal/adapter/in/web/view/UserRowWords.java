package dev.billingportal.adapter.in.web.view;

import dev.billingportal.domain.user.Language;
import java.util.EnumMap;
import java.util.Map;

/** The words every Manage Users row repeats, looked up once per language rather than on every row. */
public record UserRowWords(String yes, String no, String invited, String active, String resend) {
    private static final Map<Language, UserRowWords> BY_LANGUAGE = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            Texts t = Texts.of(language);
            BY_LANGUAGE.put(language, new UserRowWords(t.get("users.yes"), t.get("users.no"), t.get("users.invited"),
                    t.get("users.active"), t.get("users.resend")));
        }
    }

    public static UserRowWords of(Texts t) {
        return BY_LANGUAGE.get(t.language());
    }
}
