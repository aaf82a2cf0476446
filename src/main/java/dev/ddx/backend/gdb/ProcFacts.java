package dev.ddx.backend.gdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** What /proc says about a live process: its executable and arguments. */
final class ProcFacts {
    private ProcFacts() {
    }

    static String executable(long pid, String fallback) {
        try {
            return Files.readSymbolicLink(Paths.get("/proc", Long.toString(pid), "exe")).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return fallback;
        }
    }

    /** The arguments after the program name. */
    static List<String> arguments(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> out = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    out.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            return out.isEmpty() ? List.of() : out.subList(1, out.size());
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}
