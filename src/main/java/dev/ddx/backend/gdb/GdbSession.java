package dev.ddx.backend.gdb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddx.backend.BackendContext;
import dev.ddx.backend.Transport;
import dev.ddx.event.SessionEvent;

import java.time.Duration;

/**
 * The commands ddx itself sends to gdb (never gated: they are fixed and read-only or part of
 * opening the target), each one reported as a {@link SessionEvent.DebuggerExchange}.
 */
final class GdbSession {
    private final Transport transport;
    private final BackendContext ctx;

    GdbSession(Transport transport, BackendContext ctx) {
        this.transport = transport;
        this.ctx = ctx;
    }

    /** Passes the command gate (raw commands of the user or the model). */
    void admit(String command) {
        ctx.gate().admit("gdb", command);
    }

    BackendContext ctx() {
        return ctx;
    }

    Transport transport() {
        return transport;
    }

    /** One MI command with the session's call timeout. */
    MiReply mi(String command) {
        return mi(command, ctx.callTimeout());
    }

    MiReply mi(String command, Duration timeout) {
        long start = System.nanoTime();
        String raw;
        try {
            raw = transport.exchange(command, timeout);
        } catch (RuntimeException e) {
            report(command, "(failed: " + e.getMessage() + ")", start);
            throw e;
        }
        report(command, raw, start);
        return GdbMiParser.reply(raw);
    }

    /** One console command, as a user would type it at the (gdb) prompt. */
    MiReply console(String command) {
        return console(command, ctx.callTimeout());
    }

    MiReply console(String command, Duration timeout) {
        return mi("-interpreter-exec console " + GdbMiParser.quote(command), timeout);
    }

    /** A command of the ddx helper and its JSON answer. */
    JsonNode helper(String command, Duration timeout) {
        MiReply r = console(command, timeout);
        if (r.isError()) {
            throw new dev.ddx.error.DebuggerException("the ddx gdb helper failed on '" + command + "': " + r.error(),
                    "run with --debug to see the exchange");
        }
        return GdbSnapshotParser.document(r.console());
    }

    private void report(String command, String output, long startNanos) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        ctx.listener().on(new SessionEvent.DebuggerExchange(ctx.clock().instant(), "gdb", command, output, millis));
    }
}
