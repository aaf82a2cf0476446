package dev.ddx.transcript;

import dev.ddx.backend.Transport;
import dev.ddx.error.DebuggerException;
import dev.ddx.event.SessionEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A {@link Transport} that answers from a recording: each command gets the output the
 * debugger printed for the same command in the recorded session. Replies are taken in recorded
 * order; a command asked twice gets the second recorded reply the second time. A command the
 * recording never saw fails as a dead debugger would, and is kept in {@link #misses()} so the
 * replay reports it as drift.
 */
public final class RecordedTransport implements Transport {
    private final String debugger;
    private final List<SessionEvent.DebuggerExchange> exchanges;
    private final boolean[] used;
    private final UnaryOperator<String> normalize;
    private UnaryOperator<String> restore = UnaryOperator.identity();
    private final List<String> misses = new ArrayList<>();
    private int cursor;
    private boolean open = true;

    /**
     * @param debugger  whose exchanges to answer with ("gdb", "pdb", "text"…)
     * @param normalize applied to commands before matching, so a command naming an address
     *                  recorded in another run still finds its reply
     */
    public RecordedTransport(String debugger, List<SessionEvent> events, UnaryOperator<String> normalize) {
        this.debugger = debugger;
        this.exchanges = events.stream().filter(SessionEvent.DebuggerExchange.class::isInstance)
                .map(SessionEvent.DebuggerExchange.class::cast).filter(x -> x.debugger().equals(debugger)).toList();
        this.used = new boolean[exchanges.size()];
        this.normalize = normalize;
    }

    @Override
    public synchronized String exchange(String command, Duration timeout) {
        if (!open) throw new DebuggerException("replay: the recorded " + debugger + " was closed", "");
        int at = find(command, cursor, exchanges.size());
        if (at < 0) at = find(command, 0, cursor);
        if (at < 0) {
            misses.add(debugger + ": " + command);
            throw new DebuggerException("replay: the recording has no reply to " + debugger + " command '" + command + "'",
                    "the session asked the debugger something new; re-record with ddx replay --live --update");
        }
        used[at] = true;
        cursor = at + 1;
        return restore.apply(exchanges.get(at).output());
    }

    /**
     * Rewrites each recorded reply before it is handed out; replay uses it to turn the
     * {@code <project>} the transcript was written with back into the project's real directory,
     * so source files named in the replies can be read again.
     */
    public RecordedTransport restoring(UnaryOperator<String> restore) {
        this.restore = restore;
        return this;
    }

    private int find(String command, int from, int to) {
        String want = normalize.apply(command);
        for (int i = from; i < to; i++) {
            if (!used[i] && normalize.apply(exchanges.get(i).command()).equals(want)) return i;
        }
        return -1;
    }

    /** Commands asked that the recording had no reply to, in order. */
    public synchronized List<String> misses() {
        return List.copyOf(misses);
    }

    /** True when the recording has any exchange of this debugger. */
    public boolean hasRecording() {
        return !exchanges.isEmpty();
    }

    @Override
    public synchronized boolean alive() {
        return open;
    }

    @Override
    public synchronized void close() {
        open = false;
    }
}
