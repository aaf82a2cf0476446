package dev.ddx.backend.text.cdb;

import dev.ddx.backend.text.DumpDraft;
import dev.ddx.backend.text.TextLines;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.LockInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A saved cdb/WinDbg session: split at the prompts ({@code 0:006>}, {@code kd>}, {@code 0: kd>})
 * into command/reply pairs, each reply read by the parser of its command ({@code ~*kb},
 * {@code !locks}, {@code lm}, {@code !analyze -v}, …); text with no prompt is recognised line by
 * line. {@link #resolve} then ties the pieces together: owners' thread ids to debugger thread
 * numbers, and threads waiting in RtlEnterCriticalSection to the critical section they wait for.
 */
public final class CdbSessionParser {
    /**
     * A cdb prompt: {@code 0:006>} (the process and thread numbers, groups 1 and 2, with an optional
     * {@code :x86} after them), {@code kd>} or {@code 0: kd>}; live cdb's transport strips it too.
     */
    public static final String PROMPT_TEXT = "(?:(\\d+):\\s?(\\d+)(?::\\w+)?|(?:\\d+:\\s?)?[kK][dD])>";
    private static final Pattern PROMPT = Pattern.compile("^\\s*(?:## )?" + PROMPT_TEXT + "\\s?(.*?)\\s*$");
    private static final Pattern THREAD_PREFIX = Pattern.compile("^~(\\d+|\\*|\\.|#)?\\s*(.*)$");
    private static final Pattern STACK = Pattern.compile("^k[bpnvcfPL]*(?:\\s.*)?$|^kb?n?\\s*\\d*$");
    private static final Pattern ECHO = Pattern.compile("^\\s*\\.{3,}\\s*$|^[\\w.\\-]+!\\S+:\\s*$"
            + "|^[0-9a-fA-F`]{8,17}\\s+[0-9a-fA-F]+\\s+\\w+.*$|^\\s*(?:[a-z]{2,3}=[0-9a-f`]+\\s*)+.*$|^CtxFlags: .*$");

    private CdbSessionParser() {
    }

    public static void parse(DumpDraft draft) {
        CdbContext ctx = new CdbContext(draft);
        draft.runtime(TargetProcess.Runtime.WINDOWS);
        for (CdbExchange e : exchanges(draft.text())) {
            if (e.first() > 0) draft.understood(e.first() - 1); // the prompt line
            if (!e.prompt().isEmpty() && !e.command().isEmpty() || e.first() > 0) {
                Matcher p = PROMPT.matcher(draft.text().get(e.first() - 1));
                if (p.matches() && p.group(2) != null) ctx.currentThread = String.valueOf(Integer.parseInt(p.group(2)));
            }
            reply(ctx, e);
        }
        finish(ctx);
    }

    /** The command/reply pairs of a session, in order; text before the first prompt has an empty command. */
    public static List<CdbExchange> exchanges(TextLines text) {
        List<CdbExchange> out = new ArrayList<>();
        String prompt = "";
        String command = "";
        int start = 0;
        for (int i = 0; i <= text.size(); i++) {
            Matcher m = i < text.size() ? PROMPT.matcher(text.get(i)) : null;
            if (m != null && !m.matches()) continue;
            if (i > start || !command.isEmpty()) {
                List<String> lines = text.lines().subList(start, i);
                out.add(new CdbExchange(prompt, command, String.join("\n", lines), start, i));
            }
            if (m != null) {
                prompt = m.group(1) != null ? m.group(1) + ":" + m.group(2) : "kd";
                command = m.group(3).strip();
                start = i + 1;
            }
        }
        return out;
    }

    private static void reply(CdbContext ctx, CdbExchange e) {
        int from = e.first();
        int to = e.end();
        for (int i = from; i < to; i++) {
            if (ECHO.matcher(ctx.draft.text().get(i)).matches()) ctx.draft.understood(i);
        }
        String cmd = e.command();
        String thread = ctx.currentThread;
        Matcher t = THREAD_PREFIX.matcher(cmd);
        if (t.matches()) {
            String which = t.group(1);
            String rest = t.group(2).strip();
            if (rest.isEmpty() || rest.equals("*")) {
                CdbThreadListParser.parse(ctx, from, to);
                return;
            }
            if (rest.equals("s") && which != null && which.matches("\\d+")) {
                ctx.currentThread = which;
                return;
            }
            if (which != null && which.matches("\\d+")) thread = which;
            cmd = rest;
        }
        String word = cmd.split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (cmd.contains(";") || word.isEmpty()) {
            sniff(ctx, from, to, thread);
        } else if (STACK.matcher(cmd.strip()).matches()) {
            CdbStackParser.parse(ctx, from, to, thread, false);
        } else if (word.startsWith("lm")) {
            CdbModuleParser.parse(ctx, from, to, false);
        } else if (word.equals("!locks") || word.equals("!cs") || word.equals("!critsec") || word.endsWith(".locks")) {
            CdbLockParser.parse(ctx, from, to);
        } else if (word.equals("!runaway")) {
            CdbRunawayParser.parse(ctx, from, to);
        } else if (word.equals("!analyze")) {
            CdbAnalyzeParser.parse(ctx, from, to);
        } else if (word.equals("!handle")) {
            CdbHandleParser.parse(ctx, from, to);
        } else if (word.equals("!teb")) {
            CdbTebParser.parse(ctx, from, to);
        } else {
            sniff(ctx, from, to, thread);
        }
    }

    /** Text whose command is unknown or absent: every parser takes the lines it recognises. */
    private static void sniff(CdbContext ctx, int from, int to, String thread) {
        CdbThreadListParser.parse(ctx, from, to);
        CdbLockParser.parse(ctx, from, to);
        CdbRunawayParser.parse(ctx, from, to);
        CdbModuleParser.parse(ctx, from, to, true);
        CdbHandleParser.parse(ctx, from, to);
        CdbTebParser.parse(ctx, from, to);
        CdbAnalyzeParser.parse(ctx, from, to);
        CdbStackParser.parse(ctx, from, to, thread, true);
    }

    /** The exception's thread: the {@code #} thread, the one .jdinfo or .lastevent named, or the analysed one. */
    private static void finish(CdbContext ctx) {
        Optional<ExceptionInfo> e = ctx.draft.exception();
        if (e.isEmpty() || e.get().threadId().isPresent()) return;
        String thread = ctx.faultingThread;
        if (thread.isEmpty() && !ctx.faultingTid.isEmpty()) {
            long tid = Long.parseLong(ctx.faultingTid, 16);
            thread = ctx.draft.threads().stream().filter(t -> t.nativeId().isPresent() && t.nativeId().getAsLong() == tid)
                    .map(TargetThread::id).findFirst().orElse("");
        }
        if (thread.isEmpty() && ctx.rank() != CdbContext.Rank.BREAK_IN) thread = ctx.currentThread;
        if (thread.isEmpty()) return;
        ExceptionInfo x = e.get();
        List<dev.ddx.model.StackFrame> frames = x.frames().isEmpty()
                ? ctx.draft.thread(thread).map(TargetThread::frames).orElse(List.of()) : x.frames();
        ctx.draft.exception(new ExceptionInfo(x.type(), x.message(), Optional.of(thread), x.signal(), frames,
                x.cause(), x.suppressed()));
        if (ctx.rank() == CdbContext.Rank.BREAK_IN) {
            ctx.draft.note("the last event is the debugger's break-in (80000003), not a crash");
        }
    }

    /**
     * Ties a whole session together: lock owners recorded as thread ids ({@code tid:a3}) become the
     * debugger's thread numbers, threads waiting to enter a critical section become its waiters
     * (and BLOCKED), other waits set their threads' states. Idempotent.
     */
    public static Snapshot resolve(Snapshot s) {
        Map<Long, String> byTid = new HashMap<>();
        for (TargetThread t : s.threads()) t.nativeId().ifPresent(n -> byTid.putIfAbsent(n, t.id()));
        Map<String, LockInfo> locks = new java.util.LinkedHashMap<>();
        for (LockInfo l : s.locks()) {
            Optional<String> owner = l.owner().map(o -> o.startsWith("tid:") ? owner(o.substring(4), byTid) : o);
            locks.put(l.id(), new LockInfo(l.id(), l.kind(), l.name(), owner, l.waiters(), l.acquiredAt(), l.attributes()));
        }
        List<TargetThread> threads = new ArrayList<>();
        for (TargetThread t : s.threads()) {
            Optional<String> cs = WindowsWaits.criticalSection(t.frames());
            cs.ifPresent(id -> locks.merge(id, new LockInfo(id, "critical_section", "", Optional.empty(), List.of(t.id()),
                    Optional.empty(), Map.of()), CdbSessionParser::addWaiter));
            ThreadState state = t.state() == ThreadState.UNKNOWN || cs.isPresent() ? WindowsWaits.state(t.frames()) : t.state();
            threads.add(t.withState(state));
        }
        return s.withThreads(threads).withLocks(List.copyOf(locks.values()));
    }

    private static String owner(String tid, Map<Long, String> byTid) {
        try {
            String id = byTid.get(Long.parseLong(tid, 16));
            return id != null ? id : "tid 0x" + tid;
        } catch (NumberFormatException e) {
            return "tid " + tid;
        }
    }

    private static LockInfo addWaiter(LockInfo a, LockInfo b) {
        List<String> waiters = new ArrayList<>(a.waiters());
        for (String w : b.waiters()) if (!waiters.contains(w)) waiters.add(w);
        return new LockInfo(a.id(), a.kind(), a.name(), a.owner(), waiters, a.acquiredAt(), a.attributes());
    }
}
