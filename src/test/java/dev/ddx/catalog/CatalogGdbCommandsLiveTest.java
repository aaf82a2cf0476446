package dev.ddx.catalog;

import dev.ddx.testing.NativeScenarios;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog's gdb commands are real (issue item 6): every one runs in gdb 13 on a real core of
 * a small multi-threaded C program compiled here, placeholders filled with real values, and none
 * may fail as an unknown, ambiguous or malformed command. Commands that cannot act on a core
 * ("The program is not being run.") are fine: they exist and parse.
 */
class CatalogGdbCommandsLiveTest {
    /** gdb's words for a command it does not know or cannot parse. */
    static final List<String> INVALID = List.of("Undefined command", "Ambiguous command", "syntax error",
            "Junk at end", "Invalid character", "unrecognized", "No symbol", "Argument required", "Invalid number");

    private static final String SENTINEL = "ddx-no-such-command";

    @Test
    void everyGdbCommandOfTheCatalogRunsOnARealCore() throws Exception {
        NativeScenarios.assumeToolchain();
        Path dir = Files.createDirectories(NativeScenarios.workDir().resolve("catalog"));
        Path exe = dir.resolve("probe");
        Path core = dir.resolve("probe.core");
        NativeScenarios.run(List.of("gcc", "-g", "-O0", "-pthread", "-o", exe.toString(),
                copy("probe.c", dir).toString()), Duration.ofSeconds(120));
        Files.deleteIfExists(core);
        NativeScenarios.run(List.of("gdb", "-batch", "-nx", "-ex", "set debuginfod enabled off",
                "-ex", "set startup-with-shell off", "-ex", "run", "-ex", "generate-core-file " + core, exe.toString()),
                Duration.ofSeconds(120));
        assertTrue(Files.exists(core), "gdb wrote no core");

        Path script = dir.resolve("empty.gdb");
        Files.writeString(script, "# sourced by the catalog test\n");
        Map<String, String> commands = commands(script, dir.resolve("scratch.core"));
        commands.put(SENTINEL, "the test's own check that an unknown command is caught");
        Path list = dir.resolve("commands.json");
        Files.writeString(list, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(new ArrayList<>(commands.keySet())));
        String out = NativeScenarios.run(List.of("gdb", "-batch", "-nx", "-ex", "set debuginfod enabled off",
                "-ex", "set pagination off", "-ex", "python COMMANDS_FILE = '" + list + "'",
                "-x", copy("run_commands.py", dir).toString(), exe.toString(), core.toString()), Duration.ofSeconds(180));

        List<String> keys = new ArrayList<>(commands.keySet());
        List<String> failures = new ArrayList<>();
        int ok = 0;
        int reported = 0;
        for (String line : out.split("\n")) {
            if (!line.startsWith("@@")) continue;
            String[] parts = line.split(" ", 3);
            String cmd = keys.get(Integer.parseInt(parts[1]));
            reported++;
            if (parts[0].equals("@@OK")) {
                ok++;
                continue;
            }
            String message = parts.length > 2 ? parts[2] : "";
            if (cmd.equals(SENTINEL)) {
                assertTrue(message.contains("Undefined command"), "the check itself works: " + message);
                continue;
            }
            System.out.println("gdb: " + cmd + " -> " + message);
            if (INVALID.stream().anyMatch(message::contains)) failures.add(commands.get(cmd) + ": " + cmd + " -> " + message);
        }
        System.out.printf("catalog gdb commands: %d distinct, %d ran cleanly on the core%n", keys.size() - 1, ok);
        assertEquals(keys.size(), reported, "every command reported an outcome:\n" + out);
        assertTrue(failures.isEmpty(), "invalid gdb commands in the catalog:\n" + String.join("\n", failures));
        assertTrue(ok * 2 > keys.size(), "most commands should work on a core; output:\n" + out);
    }

    /** Each distinct filled-in command → the entry that first uses it. */
    private static Map<String, String> commands(Path script, Path scratch) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PatternEntry e : Catalog.load().all()) {
            for (String c : e.commandsFor("gdb")) {
                String filled = fill(c, script, scratch);
                out.putIfAbsent(filled, e.id() + " (" + c + ")");
            }
        }
        return out;
    }

    static String fill(String command, Path script, Path scratch) {
        String c = command.replace("THREAD", "1").replace("FRAME", "0").replace("ADDR", "$pc")
                .replace("EXPR", "requests_served").replace("LOCK", "queue_lock");
        // FILE is a script for "source", and a scratch path for commands that write one.
        return c.replace("FILE", c.startsWith("source") ? script.toString() : scratch.toString());
    }

    private static Path copy(String resource, Path dir) throws IOException {
        try (InputStream in = CatalogGdbCommandsLiveTest.class.getResourceAsStream("/catalog/" + resource)) {
            Path out = dir.resolve(resource);
            Files.write(out, in.readAllBytes());
            return out;
        }
    }
}
