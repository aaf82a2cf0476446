package dev.ddx.backend.gdb;

import dev.ddx.model.InputInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Where a launched program's stdout and stderr go, so their last lines can go into the snapshot's notes. */
final class ProgramOutput {
    private static final int TAIL_LINES = 5;
    private final Path file;

    private ProgramOutput(Path file) {
        this.file = file;
    }

    static ProgramOutput create() {
        try {
            Path d = Files.createTempDirectory("ddx-run-");
            Path f = Files.createFile(d.resolve("program.out"));
            d.toFile().deleteOnExit();
            f.toFile().deleteOnExit();
            return new ProgramOutput(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String shellPath() {
        return shellWord(file.toString());
    }

    /** Adds the program's last output lines (an assert message, a glibc heap error) as a note. */
    InputInfo noteOn(InputInfo in) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty()) return in;
            List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
            return in.withNote("program output (last lines): " + String.join(" | ", tail));
        } catch (IOException | UncheckedIOException e) {
            return in;
        }
    }

    static String shellWords(List<String> words) {
        return words.stream().map(ProgramOutput::shellWord).collect(Collectors.joining(" "));
    }

    static String shellWord(String w) {
        return "'" + w.replace("'", "'\\''") + "'";
    }
}
