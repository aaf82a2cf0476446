package dev.ddx.backend.logs.read;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The summary decides per line whether a message may hold an exception from its tokens: its
 * shape's literal words once, then only its value tokens ({@link ExceptionParser#mayHoldPart}).
 * A token must be found to hold a word wherever the word stands in it, and short tokens never.
 */
class ExceptionWordsTest {
    private static final List<String> WORDS = List.of("Exception", "Error", "Throwable", "Traceback", "Caused");

    @Test
    void aTokenHoldsAWordAtItsStartMiddleOrEndAndAShorterTokenNone() {
        for (String w : WORDS) {
            for (String t : List.of(w, "x" + w, w + ":", "java.io.IO" + w + ":", "(" + w + ")")) {
                String line = "id=7 " + t + " 12";
                int from = line.indexOf(t);
                assertTrue(ExceptionParser.mayHoldPart(line, from, from + t.length()), t);
                assertFalse(ExceptionParser.mayHoldPart(line, from, from + t.indexOf(w) + w.length() - 1), "cut: " + t);
            }
        }
        assertFalse(ExceptionParser.mayHoldPart("Erro", 0, 4));
        assertFalse(ExceptionParser.mayHoldPart("rror", 0, 4));
        assertTrue(ExceptionParser.mayHoldPart("Error", 0, 5));
    }

    @Test
    void aTokenHoldsAWordExactlyWhenItContainsOne() {
        Random random = new Random(5);
        String[] parts = {"E", "Er", "rror", "Exc", "eption", "T", "Throw", "able", "Cause", "d", "x", "7", ".", ":", "Error", "Caused"};
        for (int k = 0; k < 20_000; k++) {
            StringBuilder token = new StringBuilder();
            for (int n = random.nextInt(6); n >= 0; n--) token.append(parts[random.nextInt(parts.length)]);
            String t = token.toString();
            boolean expected = WORDS.stream().anyMatch(t::contains);
            assertEquals(expected, ExceptionParser.mayHoldPart(" " + t + " ", 1, 1 + t.length()), t);
        }
    }
}
