package dev.ddx.backend.logs.read;

import dev.ddx.model.ExceptionInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-read Java exception header finds what the regular expression it replaced found, on
 * every line of the shared fixtures, on hand-made cases and on random lines; it also finds
 * {@code java.lang.Exception}, {@code java.lang.Error} and {@code java.lang.Throwable} themselves,
 * which the expression missed.
 */
class ExceptionHeadTest {
    /** The expression the header was read with before. */
    static final Pattern JAVA_HEAD = Pattern.compile(
            "(?:Caused by: |Suppressed: |Exception in thread \"[^\"]*\" )?((?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Throwable|Failure|Fault)[\\w$]*)(?::\\s?(.*))?");
    static final Set<String> BARE = Set.of("Exception", "Error", "Throwable");

    static String[] byExpression(String line) {
        Matcher h = JAVA_HEAD.matcher(line);
        return h.find() ? new String[] {h.group(1), h.group(2) == null ? "" : h.group(2).strip()} : null;
    }

    @Test
    void readsWhatTheExpressionReadOnEveryLine() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "java.lang.IllegalStateException: cannot ship order 7",
                "Caused by: java.sql.SQLTransientConnectionException: pool exhausted",
                "Suppressed: java.io.IOException: close failed",
                "Exception in thread \"main\" java.lang.NullPointerException",
                "Exception in thread \"pool-1.MainError\" java.lang.NullPointerException: x",
                "Exception in thread \"unclosed java.lang.NullPointerException: x",
                "Exception in thread \"a\"b\" java.lang.NullPointerException: x",
                "ERROR 12 com.foo.BarException:no space",
                "com.foo.BarException:\tmessage\twith tabs  ",
                "com.foo.BarException:\r", "com.foo.BarException: a\rb", "com.foo.BarException: a\u2028b",
                "com.foo.BarException.inner: x", "com.foo.BarException.Inner2Error: x", "com.foo.barException: x",
                "BarException: no package", "x.BarException", "1.BarException", "a.1BarException", "9ab.CException: x",
                "xjava.lang.IllegalStateException: y", "a..BException", "a.BException.", "$a.$BError$1: z",
                "com.foo.ErrorHandler: not an exception", "com.foo.Errors: x", "com.foo.XErrorsY: x",
                "org.junit.ComparisonFailure: expected", "com.x.SegFault", "com.x.Fault", "com.x.Failure: x",
                "a.b.c.d.e.f.g.h.i.j.k.l.MException: deep", "wrapped com.x.FooException: in java.lang.RuntimeException: z",
                "Caused by: Caused by: a.BException: twice", "Caused by: com.x.Y", "Suppressed: a.Error"));
        Path fixtures = fixtures();
        if (fixtures != null) {
            try (Stream<Path> files = Files.walk(fixtures)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    for (String l : new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).split("\n")) lines.add(l.strip());
                }
            }
        }
        Random random = new Random(5);
        String[] bits = {"a", "B", "Exception", "Error", "Throwable", "Failure", "Fault", ".", ":", " ", "\t", "$", "_", "7",
                "Caused by: ", "Suppressed: ", "Exception in thread \"", "\"", " ", "java.lang.", "X"};
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) b.append(bits[random.nextInt(bits.length)]);
            lines.add(b.toString());
        }
        int same = 0;
        int found = 0;
        int bare = 0;
        for (String line : lines) {
            String[] expected = byExpression(line);
            String[] got = ExceptionParser.javaHead(line);
            if (Arrays.equals(expected, got)) {
                same++;
                if (got != null) found++;
                continue;
            }
            // the one difference allowed: a bare java.lang.Exception/Error/Throwable, found where the expression saw none or a later one
            assertTrue(got != null, () -> "missed in [" + line + "]: " + Arrays.toString(expected));
            String type = got[0];
            assertTrue(BARE.contains(type.substring(type.lastIndexOf('.') + 1)),
                    () -> "[" + line + "]: " + Arrays.toString(got) + ", the expression " + Arrays.toString(expected));
            bare++;
        }
        System.out.printf("exception headers: %d lines, %d read alike (%d headers), %d bare java.lang types found besides%n",
                lines.size(), same, found, bare);
        assertTrue(found > 1000, "headers among the lines: " + found);
    }

    @Test
    void findsTheBareJavaLangTypesWithTheirMessages() {
        assertArrayEquals(new String[] {"java.lang.Exception", "boom"}, ExceptionParser.javaHead("java.lang.Exception: boom"));
        assertArrayEquals(new String[] {"java.lang.Error", ""}, ExceptionParser.javaHead("java.lang.Error"));
        assertArrayEquals(new String[] {"java.lang.Throwable", "x"},
                ExceptionParser.javaHead("Exception in thread \"main\" java.lang.Throwable: x"));
        assertNull(ExceptionParser.javaHead("com.foo.ErrorHandler: started"));
        assertNull(ExceptionParser.javaHead("Exception: no package"));

        Optional<ExceptionInfo> x = ExceptionParser.parse("request failed\njava.lang.Exception: boom\n\tat com.x.Y.run(Y.java:10)\n"
                + "Caused by: java.lang.Error: deeper\n\tat com.x.Z.go(Z.java:3)");
        assertTrue(x.isPresent());
        assertEquals("java.lang.Exception", x.get().type());
        assertEquals("boom", x.get().message());
        assertEquals("com.x.Y.run", x.get().frames().get(0).function());
        assertEquals(List.of("java.lang.Exception", "java.lang.Error"), x.get().chain().stream().map(ExceptionInfo::type).toList());
    }

    @Test
    void framesAreReadAsThreadDumpsReadThem() {
        // logback's packaging suffix, a module prefix and a native method: the dump parser's frame reader knows them all
        ExceptionInfo x = ExceptionParser.parse("request failed\njava.lang.IllegalStateException: boom\n"
                + "\tat com.x.Y.run(Y.java:10) ~[app.jar:1.0]\n"
                + "\tat java.base/java.lang.Thread.run(Thread.java:833)\n"
                + "\tat java.base/sun.nio.ch.Net.poll(Native Method)").orElseThrow();
        assertEquals(List.of("com.x.Y.run", "java.lang.Thread.run", "sun.nio.ch.Net.poll"),
                x.frames().stream().map(dev.ddx.model.StackFrame::function).toList());
        assertEquals("Y.java", x.frames().get(0).source().orElseThrow().file());
        assertTrue(x.frames().get(2).source().isEmpty(), "a native method has no source line");
    }

    @Test
    void theSignatureIsTheParsedExceptionsOnEveryWindowOfTheFixturesAndOnMadeTraces() throws IOException {
        List<String> texts = new ArrayList<>(List.of(
                "order 1 failed\njava.lang.IllegalStateException: cannot ship\n\tat a.B.ship(B.java:1)\n\tat a.B.run(B.java:2)\n"
                        + "Caused by: java.sql.SQLException: pool\n\tat c.D.get(D.java:3)\n\t... 2 more",
                "x\njava.lang.Exception: boom", "x\ncom.x.FooException: a\nCaused by: com.x.BarError", "no exception here\nat all",
                "Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\nValueError: x",
                "a.BException: x\n\tat not a frame\n\tat a.B.c(B.java:1)\nSuppressed: a.CException\n\tat a.C.d(C.java:2)"));
        Path fixtures = fixtures();
        if (fixtures != null) {
            try (Stream<Path> files = Files.walk(fixtures)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String[] lines = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).split("\n");
                    for (int i = 0; i < lines.length; i += 7) {
                        texts.add(String.join("\n", Arrays.asList(lines).subList(i, Math.min(lines.length, i + 40))));
                    }
                }
            }
        }
        int found = 0;
        for (String text : texts) {
            Optional<ExceptionParser.Signature> sig = ExceptionParser.signature(text);
            Optional<ExceptionInfo> parsed = ExceptionParser.parse(text);
            if (sig == null) {
                assertTrue(text.contains("Traceback (most recent call last):"), text);
                continue;
            }
            assertEquals(parsed.map(ExceptionParser.Signature::of), sig, text);
            if (sig.isPresent()) found++;
        }
        System.out.printf("exception signatures: %d texts, %d with an exception%n", texts.size(), found);
        assertTrue(found >= 3);
    }

    static Path fixtures() {
        String f = System.getProperty("ddx.fixtures.dir");
        if (f == null) return null;
        Path p = Path.of(f);
        return Files.isDirectory(p) ? p : null;
    }
}
