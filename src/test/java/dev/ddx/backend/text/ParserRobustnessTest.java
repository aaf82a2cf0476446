package dev.ddx.backend.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged text never makes a parser throw, and never loses the frames read before the damage:
 * random truncation (mid-line too), interleaved garbage lines, CRLF line ends, ANSI colour codes
 * and tab indents, on every fixture, with a fixed seed.
 */
class ParserRobustnessTest {
    private static final int ROUNDS = 25;
    private static final String[] GARBAGE = {"#", "0:000>", "Thread", "\"", "at", "File \"", "CritSec", "}", ")", "\u0001",
            "Traceback (most recent call last):", "#12 0x", "- locked <0x", "ChildEBP RetAddr", "Caused by:", "~~^^",
            "\u001b[31m", "\t", "0123456789abcdef`0123", "¿ü", "    ", "..."};

    private static List<TextLines> fixtures() {
        List<TextLines> all = new ArrayList<>();
        for (String f : GoldenFilesTest.SHARED) all.add(Fixtures.sharedLines(f));
        for (String f : GoldenFilesTest.OWN) all.add(Fixtures.ownLines(f));
        return all;
    }

    private static int frames(String name, String text) {
        int n = 0;
        for (ParsedDump d : TextDumpParser.parse(TextLines.of(name, text))) {
            for (var t : d.snapshot().threads()) n += t.frames().size();
        }
        Timeline.of(TextDumpParser.parse(TextLines.of(name, text))).combined(); // joining must not throw either
        return n;
    }

    @Test
    void truncationAndGarbageNeverThrowAndKeepTheFramesBeforeThem() {
        Random random = new Random(20261121L);
        for (TextLines f : fixtures()) {
            List<String> lines = f.lines();
            for (int r = 0; r < ROUNDS; r++) {
                int k = random.nextInt(lines.size() + 1);
                String prefix = String.join("\n", lines.subList(0, k));
                int before = frames(f.file(), prefix);
                String cutLine = k < lines.size() ? lines.get(k).substring(0, random.nextInt(lines.get(k).length() + 1)) : "";
                assertTrue(frames(f.file(), prefix + "\n" + cutLine) >= before, f.file() + " truncated at line " + k);
                List<String> noisy = new ArrayList<>(lines);
                noisy.add(k, garbage(random));
                assertTrue(frames(f.file(), String.join("\n", noisy)) >= before, f.file() + " with garbage at line " + k);
            }
        }
    }

    @Test
    void lineEndsColourAndTabsChangeNothing() {
        Random random = new Random(7L);
        for (TextLines f : fixtures()) {
            String plain = String.join("\n", f.lines());
            int expected = frames(f.file(), plain);
            assertEquals(expected, frames(f.file(), String.join("\r\n", f.lines()) + "\r\n"), f.file() + " CRLF");
            StringBuilder coloured = new StringBuilder();
            StringBuilder tabbed = new StringBuilder();
            for (String line : f.lines()) {
                coloured.append(random.nextBoolean() ? "\u001b[1;3" + random.nextInt(8) + "m" + line + "\u001b[0m" : line).append('\n');
                tabbed.append(line.startsWith("    ") ? "\t" + line.substring(4) : line).append('\n');
            }
            assertEquals(expected, frames(f.file(), coloured.toString()), f.file() + " ANSI");
            assertEquals(expected, frames(f.file(), tabbed.toString()), f.file() + " tabs");
        }
    }

    private static String garbage(Random random) {
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) b.append(GARBAGE[random.nextInt(GARBAGE.length)]).append(random.nextBoolean() ? " " : "");
        return b.toString();
    }
}
