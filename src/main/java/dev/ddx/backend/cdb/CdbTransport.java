package dev.ddx.backend.cdb;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * cdb over its standard input and output. Each command is followed by {@code .echo DDX_END_n}
 * with a fresh n, and its reply is everything up to that marker, so a late reply to an earlier
 * command is never taken for this one. After a timeout the next call first resynchronises
 * ({@code .echo DDX_SYNC_n}, discarding what comes before it); if cdb stays silent it is killed.
 */
public final class CdbTransport implements Transport {
    private static final String EOF = "\u0000EOF";
    private final Process process;
    private final Writer in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private int counter;
    private boolean desynchronised;
    private String dead;

    public CdbTransport(List<String> command) {
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new DebuggerException("cannot start cdb: " + e.getMessage(), "check --cdb PATH");
        }
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread pump = new Thread(this::pump, "cdb-output");
        pump.setDaemon(true);
        pump.start();
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) lines.add(CdbPrompts.strip(line));
        } catch (IOException e) {
            // the process went away; EOF below says so
        }
        lines.add(EOF);
    }

    @Override
    public synchronized String exchange(String command, Duration timeout) {
        if (dead != null) throw new DebuggerException(dead, "start a new session");
        if (desynchronised) resynchronise(timeout);
        String marker = "DDX_END_" + (++counter);
        send(command + "\n.echo " + marker + "\n");
        List<String> reply = new ArrayList<>();
        if (!readUntil(marker, timeout, reply)) {
            desynchronised = true;
            throw new DebuggerTimeoutException("cdb gave no complete reply to '" + command + "' within "
                    + timeout.toSeconds() + " s", "the next command resynchronises first; a long !analyze may need a longer timeout");
        }
        return String.join("\n", reply);
    }

    private void resynchronise(Duration timeout) {
        String marker = "DDX_SYNC_" + (++counter);
        send(".echo " + marker + "\n");
        if (!readUntil(marker, timeout, new ArrayList<>())) {
            kill("cdb stopped answering and was killed");
            throw new DebuggerException(dead, "start a new session");
        }
        desynchronised = false;
    }

    private boolean readUntil(String marker, Duration timeout, List<String> reply) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
                if (line == null) return false;
                if (line.equals(EOF)) {
                    lines.add(EOF);
                    kill("cdb exited (exit code " + exitCode() + ")");
                    throw new DebuggerException(dead, "start a new session");
                }
                if (line.strip().equals(marker)) return true;
                reply.add(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void send(String text) {
        try {
            in.write(text);
            in.flush();
        } catch (IOException e) {
            kill("cdb is gone (its input is closed)");
            throw new DebuggerException(dead, "start a new session");
        }
    }

    private String exitCode() {
        try {
            process.waitFor(1, TimeUnit.SECONDS);
            return process.isAlive() ? "?" : String.valueOf(process.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private void kill(String why) {
        if (dead == null) dead = why;
        process.destroyForcibly();
    }

    @Override
    public boolean alive() {
        return dead == null && process.isAlive();
    }

    /** The cdb process, for tests that kill it. */
    public Process process() {
        return process;
    }

    @Override
    public synchronized void close() {
        if (process.isAlive() && dead == null) {
            try {
                in.write("qd\n");
                in.flush();
                process.waitFor(3, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                // it is killed below
            }
        }
        if (dead == null) dead = "the cdb session is closed";
        process.destroyForcibly();
    }
}
