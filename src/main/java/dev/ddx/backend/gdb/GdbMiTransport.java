package dev.ddx.backend.gdb;

import dev.ddx.backend.Transport;
import dev.ddx.error.DebuggerException;
import dev.ddx.error.DebuggerTimeoutException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A gdb process spoken to over GDB/MI. Every command is sent with a fresh numeric token and its
 * reply ends at the result record carrying that token, so a late reply to a command that timed
 * out is recognised and dropped, never taken for the next one.
 *
 * <p>A call that outlives its timeout interrupts gdb (SIGINT, which also stops a running program);
 * if gdb does not answer within a few seconds after that, it is killed. Either way the call fails
 * with a {@link DebuggerTimeoutException} saying which happened. Once gdb has died, every call
 * fails with the same {@link DebuggerException}.
 */
public final class GdbMiTransport implements Transport {
    private static final String EOF = new String("<eof>");
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(3);

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private long nextToken = 1;
    private volatile DebuggerException dead;

    private GdbMiTransport(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        pump("ddx-gdb-out", new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), false);
        pump("ddx-gdb-err", new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), true);
    }

    /**
     * Starts {@code gdb --interpreter=mi3 -nx -q}; the executable is the system property
     * {@code ddx.gdb} or else {@code $DDX_GDB} when set.
     *
     * @throws DebuggerException when gdb cannot be started (not installed)
     */
    public static GdbMiTransport start() {
        String gdb = Optional.ofNullable(System.getProperty("ddx.gdb"))
                .or(() -> Optional.ofNullable(System.getenv("DDX_GDB"))).filter(s -> !s.isBlank()).orElse("gdb");
        return start(List.of(gdb, "--interpreter=mi3", "-nx", "-q"));
    }

    /** Starts gdb with this exact command line (it must speak MI on stdin/stdout). */
    public static GdbMiTransport start(List<String> cmd) {
        String gdb = cmd.get(0);
        try {
            return new GdbMiTransport(new ProcessBuilder(cmd).start());
        } catch (IOException e) {
            throw new DebuggerException("gdb could not be started (" + gdb + "): " + e.getMessage(),
                    "install gdb (for example: apt-get install gdb), or point DDX_GDB at it", e);
        }
    }

    /** The operating-system process id of gdb. */
    public long pid() {
        return process.pid();
    }

    /** The gdb process, for killing what it launched when the session ends. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public synchronized String exchange(String command, Duration timeout) {
        if (dead != null) throw dead;
        long token = nextToken++;
        send(token + command, command);
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<String> reply = await(token, deadline, command);
        if (reply.isPresent()) return reply.get();
        interrupt();
        Optional<String> late = await(token, System.nanoTime() + INTERRUPT_GRACE.toNanos(), command);
        String what = "gdb did not answer '" + command + "' within " + timeout.toSeconds() + " s";
        if (late.isPresent()) {
            throw new DebuggerTimeoutException(what + "; it was interrupted",
                    "the session goes on; a longer --timeout may help on a slow machine");
        }
        process.destroyForcibly();
        dead = new DebuggerException(what + "; it did not respond to an interrupt and was killed",
                "run the command again; a longer --timeout may help on a slow machine");
        throw new DebuggerTimeoutException(dead.getMessage(), dead.hint());
    }

    /** Lines up to this token's result record, or empty when the deadline passed first. */
    private Optional<String> await(long token, long deadline, String command) {
        StringBuilder reply = new StringBuilder();
        while (true) {
            long left = deadline - System.nanoTime();
            String line;
            try {
                line = left <= 0 ? lines.poll() : lines.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DebuggerException("interrupted while waiting for gdb", "");
            }
            if (line == null) return Optional.empty();
            if (line == EOF) throw died(command);
            if (line.strip().equals("(gdb)")) continue;
            Optional<GdbMiParser.Result> r = GdbMiParser.result(line);
            if (r.isPresent() && r.get().token() == token && r.get().resultClass().equals("running")) {
                // the command resumed the program: its output goes on until it stops again. gdb reads
                // no further command before that, so a no-op with the same token marks the end.
                reply.append(line).append('\n');
                send(token + "-gdb-show confirm", command);
                continue;
            }
            if (r.isPresent() && r.get().token() == token) {
                return Optional.of(reply.append(line).toString());
            }
            if (r.isPresent()) {
                reply.setLength(0); // a late reply to an earlier, abandoned command
                continue;
            }
            reply.append(line).append('\n');
        }
    }

    private void send(String line, String command) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw died(command);
        }
    }

    /** Sends SIGINT to gdb: it stops the program it runs, or breaks off the command in progress. */
    public void interrupt() {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill(1): the caller falls back to killing gdb
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private DebuggerException died(String command) {
        if (dead != null) return dead;
        String status = "";
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) status = " (exit status " + process.exitValue() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String last;
        synchronized (stderrTail) {
            last = stderrTail.isEmpty() ? "" : ": " + stderrTail.peekLast();
        }
        dead = new DebuggerException("gdb exited unexpectedly" + status + " while running '" + command + "'" + last,
                "the session cannot go on; run ddx again, with --debug to see more");
        return dead;
    }

    @Override
    public boolean alive() {
        return dead == null && process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive() && dead == null) {
            try {
                stdin.write("-gdb-exit\n");
                stdin.flush();
                process.waitFor(3, TimeUnit.SECONDS);
            } catch (IOException e) {
                // gdb is going away anyway
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (process.isAlive()) process.destroyForcibly();
        if (dead == null) dead = new DebuggerException("the gdb session was closed", "");
    }

    private void pump(String name, BufferedReader reader, boolean isStderr) {
        Thread t = new Thread(() -> {
            try (reader) {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (isStderr) {
                        synchronized (stderrTail) {
                            stderrTail.addLast(line);
                            if (stderrTail.size() > 20) stderrTail.removeFirst();
                        }
                    } else {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the stream closed: gdb ended
            } finally {
                if (!isStderr) lines.add(EOF);
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }
}
