package dev.ddx.repl;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REPL on a real pty: a tmux session runs it, keys are sent with {@code tmux send-keys}, and
 * the screen is read with {@code tmux capture-pane}. One session, steps in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplTmuxLiveTest {
    private static final String SESSION = "ddx-repl-test-" + ProcessHandle.current().pid();
    private static Path home;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(run("tmux", "-V").exit == 0, "tmux is not installed; install tmux to run the pty test");
        home = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "ddx-pty");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path script = home.resolve("run.sh");
        // the shell traps SIGINT (so Ctrl-C does not end it), while java gets the default disposition back
        Files.writeString(script, "#!/bin/sh\ntrap ':' INT\nexport HOME='" + home + "' XDG_STATE_HOME='" + home + "/state'\n"
                + "'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '" + cp + "' dev.ddx.repl.ReplPtyMain '" + home
                + "' 2>'" + home + "/stderr'\necho \"EXIT=$?\"\nsleep 60\n");
        script.toFile().setExecutable(true);
        Out o = run("tmux", "new-session", "-d", "-s", SESSION, "-x", "160", "-y", "50", script.toString());
        assertTrue(o.exit == 0, o.text);
        waitFor(s -> s.contains("ddx> "), 90);
    }

    @AfterAll
    static void stop() {
        if (home != null) run("tmux", "kill-session", "-t", SESSION);
    }

    record Out(int exit, String text) {
    }

    static Out run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return new Out(p.exitValue(), text);
        } catch (IOException | InterruptedException e) {
            return new Out(-1, e.toString());
        }
    }

    static String screen() {
        return run("tmux", "capture-pane", "-p", "-J", "-S", "-500", "-t", SESSION).text;
    }

    static void keys(String... keys) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "send-keys", "-t", SESSION));
        cmd.addAll(List.of(keys));
        run(cmd.toArray(String[]::new));
    }

    static String waitFor(Predicate<String> p, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String s = screen();
        while (!p.test(s) && System.nanoTime() < end) {
            Thread.sleep(200);
            s = screen();
        }
        assertTrue(p.test(s), "screen was:\n" + s);
        return s;
    }

    static String lastLine(String s) {
        String[] lines = s.stripTrailing().split("\n");
        return lines[lines.length - 1];
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }

    @Test
    @Order(1)
    void aQuestionIsAnsweredOnTheTerminal() throws Exception {
        keys("why did it crash?", "Enter");
        waitFor(s -> s.contains("The bad pointer: `a->b2` = 0x0") && s.contains("next: ") && count(s, "ddx> ") >= 2, 60);
    }

    @Test
    @Order(2)
    void tabCompletesCommandsAndPatternIds() throws Exception {
        keys("/thr", "Tab");
        waitFor(s -> s.contains("ddx> /threads"), 20);
        keys("Enter");
        waitFor(s -> s.contains("2 threads in 2 stack trace sets"), 20);
        keys("/pattern deadl", "Tab");
        waitFor(s -> s.contains("ddx> /pattern deadlock"), 20);
        keys("Enter");
        waitFor(s -> s.contains("deadlock — Deadlock"), 20);
    }

    @Test
    @Order(3)
    void ctrlCCancelsTheAnswerInFlightAndTheSessionGoesOn() throws Exception {
        keys("explain it slowly", "Enter");
        waitFor(s -> lastLine(s).contains("asking test:slow"), 30); // the spinner names what runs
        Thread.sleep(500);
        keys("C-c");
        waitFor(s -> s.contains("(answer cancelled)"), 30);
        int before = count(screen(), "The bad pointer");
        keys("why did it crash?", "Enter");
        waitFor(s -> count(s, "The bad pointer") > before, 60);
    }

    @Test
    @Order(4)
    void runAsksBeforeARefusedCommandAndItNeverRuns() throws Exception {
        keys("/run shell rm -rf ~", "Enter");
        waitFor(s -> s.contains("Run it? [y/N]"), 20);
        keys("n", "Enter");
        waitFor(s -> s.contains("ddx: refused gdb command 'shell rm -rf ~'"), 20);
    }

    @Test
    @Order(5)
    void quitLeavesWithExitZero() throws Exception {
        keys("/quit", "Enter");
        waitFor(s -> s.contains("EXIT=0"), 30);
        assertTrue(Files.readString(home.resolve("state/ddx/history")).contains("why did it crash?"));
    }
}
