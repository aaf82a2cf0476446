package dev.ddx.catalog;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog's pdb commands are real (issue item 6): every one is typed into Python 3.11's pdb
 * stopped at a breakpoint of a small threaded script, placeholders filled with real names, and
 * none may fail as a command pdb cannot parse ({@code *** SyntaxError}) or a command word it
 * does not know (a NameError on that word).
 */
class CatalogPdbCommandsLiveTest {
    private static final String SENTINEL = "ddx_no_such_command";
    /** Commands that move execution on; they run last so the others see the breakpoint's frame. */
    private static final Set<String> MOVING = Set.of("s", "step", "n", "next", "c", "cont", "continue", "r", "return",
            "unt", "until", "j", "jump");

    @Test
    void everyPdbCommandOfTheCatalogRunsUnderPython311() throws Exception {
        String version = python("--version");
        Assumptions.assumeTrue(version.contains("Python 3.11"), "Python 3.11 is needed (found: " + version.strip() + ")");
        Path dir = Files.createDirectories(Path.of(System.getProperty("ddx.project.dir", "."), "target", "catalog-pdb"));
        Path script = dir.resolve("probe.py");
        try (InputStream in = getClass().getResourceAsStream("/catalog/probe.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> commands = new ArrayList<>(ordered().keySet());
        commands.add(SENTINEL);
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < commands.size(); i++) input.append("p \"@@CMD ").append(i).append("\"\n").append(commands.get(i)).append('\n');
        input.append("c\nc\nc\n");
        String out = runPdb(script, input.toString());

        Map<String, String> users = ordered();
        List<String> failures = new ArrayList<>();
        String[] segments = out.split("'@@CMD ");
        int seen = 0;
        for (int s = 1; s < segments.length; s++) {
            int space = segments[s].indexOf('\'');
            int i = Integer.parseInt(segments[s].substring(0, space));
            String cmd = commands.get(i);
            String text = segments[s].substring(space + 1);
            seen++;
            String problem = invalid(cmd, text);
            if (cmd.equals(SENTINEL)) {
                assertTrue(problem != null, "the check itself must catch an unknown command word:\n" + text);
            } else if (problem != null) {
                failures.add(users.get(cmd) + ": " + cmd + " -> " + problem);
            } else if (text.contains("*** ")) {
                System.out.println("pdb: " + cmd + " -> " + text.substring(text.indexOf("*** ")).lines().findFirst().orElse(""));
            }
        }
        System.out.printf("catalog pdb commands: %d distinct, all typed into pdb%n", commands.size() - 1);
        assertTrue(seen == commands.size(), "pdb answered " + seen + " of " + commands.size() + " commands:\n" + out);
        assertTrue(failures.isEmpty(), "invalid pdb commands in the catalog:\n" + String.join("\n", failures));
    }

    /** Why pdb's answer shows the command itself is invalid, or null when it is a real command. */
    static String invalid(String cmd, String answer) {
        String word = cmd.split("[\\s(.;]", 2)[0];
        for (String line : answer.split("\n")) {
            int at = line.indexOf("*** ");
            if (at < 0) continue;
            String msg = line.substring(at);
            if (msg.startsWith("*** SyntaxError") || msg.contains("Unknown command")) return msg;
            if (msg.startsWith("*** NameError: name '" + word + "'")) return msg;
        }
        return null;
    }

    /** Each distinct filled-in command → the entry that first uses it; commands that move on come last. */
    private static Map<String, String> ordered() {
        Map<String, String> still = new LinkedHashMap<>();
        Map<String, String> moving = new LinkedHashMap<>();
        for (PatternEntry e : Catalog.load().all()) {
            for (String c : e.commandsFor("pdb")) {
                String filled = c.replace("EXPR", "requests_served").replace("LOCK", "queue_lock")
                        .replace("THREAD", "1").replace("FRAME", "0");
                String word = filled.split("\\s", 2)[0];
                (MOVING.contains(word) ? moving : still).putIfAbsent(filled, e.id() + " (" + c + ")");
            }
        }
        still.putAll(moving);
        return still;
    }

    private static String runPdb(Path script, String input) throws IOException, InterruptedException {
        Path in = script.resolveSibling("commands.txt");
        Path out = script.resolveSibling("pdb-output.txt");
        Files.writeString(in, input);
        Process p = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true)
                .redirectInput(in.toFile()).redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("pdb did not finish within 120 s; output so far:\n" + Files.readString(out));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String python(String arg) {
        try {
            Process p = new ProcessBuilder("python3", arg).redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return v;
        } catch (IOException e) {
            return "python3 not found";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
