package dev.billingportal.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchWordsTest {

    @Test
    void wordsAreLowerCaseWithoutAccentsAndSplitAtAnythingButLettersAndDigits() {
        assertEquals(List.of("plomberie", "cote", "fils", "inc"),
                List.copyOf(SearchWords.of("  Plomberie CÔTÉ & Fils, inc.")));
        assertEquals(List.of("acc", "000123"), List.copyOf(SearchWords.of("ACC-000123")));
        assertEquals(List.of("o", "brien"), List.copyOf(SearchWords.of("O'Brien O’Brien")), "each word once");
        assertEquals(List.of(), List.copyOf(SearchWords.of(" -- ")));
    }

    @Test
    void aVeryLongWordIsCut() {
        assertEquals(SearchWords.MAX_LENGTH, SearchWords.of("x".repeat(300)).iterator().next().length());
    }
}
