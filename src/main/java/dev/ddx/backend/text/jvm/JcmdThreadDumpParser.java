package dev.ddx.backend.text.jvm;

import dev.ddx.backend.text.DumpDraft;
import dev.ddx.backend.text.TextLines;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-text thread dump of {@code jcmd PID Thread.dump_to_file} (JDK 21+), which lists
 * virtual threads too: {@code #28 "virtual-0" virtual TIMED_WAITING 2026-…Z} then frames, with
 * monitors named {@code <Class@hash>}. JDK 21 prints neither state nor "at"; JDK 25 prints both.
 */
public final class JcmdThreadDumpParser {
    private static final Pattern HEADER = Pattern.compile(
            "^#(\\d+) \"(.*)\"( virtual)?(?: ([A-Z_]+))?(?: \\d{4}-\\d\\d-\\d\\dT\\S+)?\\s*$");
    private static final Pattern MONITOR = Pattern.compile(
            "^\\s*- (locked|waiting to lock|waiting to re-lock in wait\\(\\)|waiting on|parking to wait for)\\s+<([^>]*)>.*$");
    private static final Pattern PREAMBLE = Pattern.compile("^(\\d+|\\d{4}-\\d\\d-\\d\\dT\\S+|\\d+(\\.\\d+)*(\\+\\d+)?(-\\w+)?)\\s*$");
    private static final Pattern CONTAINER = Pattern.compile("^\\s*(<root>|java\\.util\\.concurrent\\.\\S+|ForkJoinPool\\S*)"
            + "|^\\s*\\d+ thread(s)? in .*$|^\\s*Carrier thread: .*$|^\\s*Mounted virtual thread #\\d+.*$");

    private JcmdThreadDumpParser() {
    }

    public static void parse(DumpDraft draft) {
        draft.runtime(TargetProcess.Runtime.JVM);
        TextLines text = draft.text();
        int virtuals = 0;
        for (int i = 0; i < text.size(); ) {
            String s = text.get(i);
            Matcher m = HEADER.matcher(s);
            if (!m.matches()) {
                if (i < 4 && PREAMBLE.matcher(s).matches() || CONTAINER.matcher(s).find()) draft.understood(i);
                i++;
                continue;
            }
            if (m.group(3) != null) virtuals++;
            i = thread(draft, i, m);
        }
        if (virtuals > 0) draft.note(virtuals + " virtual thread" + (virtuals > 1 ? "s" : "") + " in the dump");
    }

    private static int thread(DumpDraft draft, int i, Matcher header) {
        TextLines text = draft.text();
        String id = header.group(1);
        List<StackFrame> frames = new ArrayList<>();
        List<String> waitingOn = new ArrayList<>();
        boolean blockedOnMonitor = false;
        draft.understood(i);
        int j = i + 1;
        for (; j < text.size(); j++) {
            String s = text.get(j);
            Matcher m = MONITOR.matcher(s);
            if (m.matches()) {
                String lock = m.group(2);
                switch (m.group(1)) {
                    case "locked" -> {
                        if (!waitingOn.contains(lock)) draft.lock(JavaLocks.held(lock, "java_monitor", lock, id,
                                frames.isEmpty() ? Optional.empty() : Optional.of(frames.get(frames.size() - 1).label())));
                    }
                    case "waiting on" -> waitingOn.add(lock);
                    case "waiting to lock", "waiting to re-lock in wait()" -> {
                        draft.lock(JavaLocks.waited(lock, "java_monitor", lock, id));
                        blockedOnMonitor = true;
                    }
                    default -> { }
                }
            } else {
                Optional<StackFrame> f = s.isBlank() ? Optional.empty() : JavaFrameParser.parse(frames.size(), s);
                if (f.isEmpty()) break;
                frames.add(f.get());
            }
            draft.understood(j);
        }
        ThreadState state = header.group(4) == null ? ThreadState.UNKNOWN
                : JstackParser.state(header.group(4), header.group(4).equals("TIMED_WAITING") && sleeping(frames) ? "sleeping" : "");
        if (blockedOnMonitor) state = ThreadState.BLOCKED;
        draft.thread(new TargetThread(id, OptionalLong.empty(), header.group(2), state, Optional.empty(), false, frames));
        return j;
    }

    private static boolean sleeping(List<StackFrame> frames) {
        return frames.stream().limit(4).anyMatch(f -> f.function().startsWith("java.lang.Thread.sleep"));
    }
}
