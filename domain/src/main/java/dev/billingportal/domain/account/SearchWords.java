package dev.billingportal.domain.account;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words an account's name is found by in the console's search (spec §12): lower case, without accents, split at
 * anything that is not a letter or a digit — "Plomberie Côté & Fils" is {@code plomberie}, {@code cote},
 * {@code fils}. A search finds the names in which every word typed begins a word, in any order ("cot plom").
 */
public final class SearchWords {
    /** Longer words are cut: nobody types more, and the index stays small. */
    public static final int MAX_LENGTH = 40;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchWords() {
    }

    /** The distinct words of {@code text}, in the order they come. */
    public static Set<String> of(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        for (String word : SEPARATORS.split(plain)) {
            if (!word.isEmpty()) {
                words.add(word.length() > MAX_LENGTH ? word.substring(0, MAX_LENGTH) : word);
            }
        }
        return words;
    }
}
