package dev.ddx.backend.pdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddx.backend.Transport;
import dev.ddx.error.DebuggerException;
import dev.ddx.error.DebuggerTimeoutException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The JSON-line channel to the pdb driver: a loopback TCP socket that ddx listens on and the
 * driver connects back to, so the program keeps stdin, stdout and stderr for itself.
 *
 * <p>{@link #exchange} takes one request object without an id, numbers it, and returns the reply
 * with that number; replies to earlier requests that timed out are dropped. The driver process
 * is ended (then killed) by {@link #close}.
 */
public final class PdbTransport implements Transport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EOF = "\u0000eof";

    private final Process process;
    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final JsonNode hello;
    private long nextId = 1;
    private volatile boolean closed;

    private PdbTransport(Process process, Socket socket, JsonNode hello) throws IOException {
        this.process = process;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.hello = hello;
    }

    /**
     * Starts the driver and waits for it to connect back.
     *
     * @param command   the command line without the channel options: python, driver, then the rest
     * @param stdio     where the program's stdin, stdout and stderr go
     * @param connectBy how long the driver may take to start and connect
     */
    public static PdbTransport start(List<String> command, PdbStdio stdio, Duration connectBy) {
        String token = Long.toHexString(Double.doubleToLongBits(Math.random()));
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> cmd = new java.util.ArrayList<>(command.subList(0, 2));
            cmd.addAll(List.of("--port", String.valueOf(server.getLocalPort()), "--token", token));
            cmd.addAll(command.subList(2, command.size()));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            stdio.apply(pb);
            Process p = pb.start();
            server.setSoTimeout(200);
            long deadline = System.nanoTime() + connectBy.toNanos();
            while (true) {
                try {
                    Socket s = server.accept();
                    BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    s.setSoTimeout((int) Math.max(1000, connectBy.toMillis()));
                    String first = r.readLine();
                    s.setSoTimeout(0);
                    JsonNode h = first == null ? null : JSON.readTree(first);
                    if (h == null || !token.equals(h.path("token").asText())) {
                        s.close();
                        continue; // not our driver: keep waiting for it
                    }
                    PdbTransport t = new PdbTransport(p, s, h);
                    t.startReader(r);
                    return t;
                } catch (SocketTimeoutException e) {
                    if (!p.isAlive()) {
                        throw new DebuggerException("the Python driver ended before it connected (exit status "
                                + p.exitValue() + ")", "check that python3 runs: python3 --version");
                    }
                    if (System.nanoTime() > deadline) {
                        p.destroyForcibly();
                        throw new DebuggerTimeoutException("the Python driver did not connect within "
                                + connectBy.toSeconds() + " s", "the machine may be overloaded; try again");
                    }
                }
            }
        } catch (IOException e) {
            throw new DebuggerException("cannot start the Python driver: " + e.getMessage(),
                    "install python3 (3.8 or newer) and put it on PATH", e);
        }
    }

    private void startReader(BufferedReader r) {
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = r.readLine()) != null) lines.add(line);
            } catch (IOException ignored) {
                // the socket closed: the driver ended or we closed it
            }
            lines.add(EOF);
        }, "ddx-pdb-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The driver's first line: its pid, Python version and executable. */
    public JsonNode hello() {
        return hello;
    }

    /** The driver's process (the program runs inside it). */
    public Process process() {
        return process;
    }

    @Override
    public synchronized String exchange(String command, Duration timeout) {
        if (closed) throw new DebuggerException("the Python driver is closed", "");
        long id = nextId++;
        try {
            ObjectNode req = (ObjectNode) JSON.readTree(command);
            req.put("id", id);
            out.write((JSON.writeValueAsString(req) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw died();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new DebuggerTimeoutException("the Python driver did not answer '" + brief(command)
                            + "' within " + timeout.toSeconds() + " s",
                            "the program may hold the interpreter lock in native code");
                }
                if (line.equals(EOF)) {
                    lines.add(EOF);
                    throw died();
                }
                JsonNode reply = JSON.readTree(line);
                if (reply.path("id").asLong(-1) == id) return line;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DebuggerException("interrupted while waiting for the Python driver", "");
        } catch (IOException e) {
            throw new DebuggerException("the Python driver sent something that is not JSON", "run with --debug", e);
        }
    }

    private DebuggerException died() {
        Optional<Integer> code = exitCode();
        return new PdbEndedException(code);
    }

    /** The driver's exit status once it has ended, waiting briefly for it. */
    public Optional<Integer> exitCode() {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) return Optional.of(process.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static String brief(String command) {
        return command.length() > 60 ? command.substring(0, 60) + "…" : command;
    }

    @Override
    public boolean alive() {
        return !closed && process.isAlive();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The driver ended (the program called os._exit, or the interpreter died). */
    public static final class PdbEndedException extends DebuggerException {
        private final transient Optional<Integer> exitCode;

        PdbEndedException(Optional<Integer> exitCode) {
            super("the Python program ended" + exitCode.map(c -> " with exit status " + c).orElse("")
                    + " while ddx was talking to it", "");
            this.exitCode = exitCode;
        }

        /** The program's exit status, when it could be read. */
        public Optional<Integer> programExit() {
            return exitCode;
        }
    }
}
