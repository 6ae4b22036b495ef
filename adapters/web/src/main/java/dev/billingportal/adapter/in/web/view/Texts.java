package dev.billingportal.adapter.in.web.view;

import dev.billingportal.domain.user.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every word the pages show, in one bundle per language ({@code web/messages_en_CA.properties},
 * {@code messages_fr_CA.properties}); templates hold none. A placeholder {@code {0}} takes an argument as it is —
 * the template engine escapes the whole result for its context, so an argument can never become markup. A key
 * missing from a bundle is a bug, not a fallback: a test compares the two bundles.
 */
public final class Texts {
    private static final Map<Language, Texts> BUNDLES = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            BUNDLES.put(language, new Texts(language, load(language)));
        }
    }

    private final Language language;
    private final Map<String, String> messages;

    private Texts(Language language, Properties messages) {
        this.language = language;
        Map<String, String> copy = new java.util.HashMap<>();
        messages.stringPropertyNames().forEach(key -> copy.put(key, messages.getProperty(key)));
        this.messages = Map.copyOf(copy); // immutable: no lock on every lookup, as a Properties has
    }

    public static Texts of(Language language) {
        return BUNDLES.get(language);
    }

    public Language language() {
        return language;
    }

    /** The {@code lang} attribute of the page: {@code en-CA} or {@code fr-CA}. */
    public String lang() {
        return language.tag();
    }

    public String get(String key) {
        String text = messages.get(key);
        if (text == null) {
            throw new IllegalArgumentException("No text '" + key + "' in " + language.tag());
        }
        return text;
    }

    /** A text with its placeholders {@code {0}}, {@code {1}}... replaced by {@code arguments}, as they are. */
    public String get(String key, Object... arguments) {
        String text = get(key);
        StringBuilder out = new StringBuilder(text.length() + 32);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' && i + 2 < text.length() && Character.isDigit(text.charAt(i + 1)) && text.charAt(i + 2) == '}') {
                out.append(arguments[text.charAt(i + 1) - '0']);
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public boolean has(String key) {
        return messages.containsKey(key);
    }

    /** The keys of this language's bundle, for the test that both bundles say the same things. */
    public Set<String> keys() {
        return new TreeSet<>(messages.keySet());
    }

    private static Properties load(Language language) {
        String resource = "web/messages_" + language.tag().replace('-', '_') + ".properties";
        Properties properties = new Properties();
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing message bundle " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return properties;
    }
}
