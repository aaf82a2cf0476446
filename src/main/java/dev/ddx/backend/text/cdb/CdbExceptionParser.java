package dev.ddx.backend.text.cdb;

import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.SignalInfo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exception records and events: {@code .exr}, {@code .jdinfo}, {@code !analyze}'s EXCEPTION_RECORD,
 * {@code .lastevent}, the event banner cdb prints when an exception stops the target
 * ({@code (1450.1424): Integer divide-by-zero - code c0000094 (first chance)}) and {@code .bugcheck}.
 * A break instruction (80000003) by itself is the debugger breaking in, not a crash.
 */
final class CdbExceptionParser {
    private static final Pattern ADDRESS = Pattern.compile("^\\s*ExceptionAddress:\\s+([0-9a-fA-F`]+)(?:\\s+\\((.*)\\))?\\s*$");
    private static final Pattern CODE = Pattern.compile("^\\s*ExceptionCode:\\s+([0-9a-fA-F]+)(?:\\s+\\((.*)\\))?\\s*$");
    private static final Pattern FIELD = Pattern.compile("^\\s*(ExceptionFlags|NumberParameters|Parameter\\[\\d\\]|Chained Record):\\s+\\S+\\s*$");
    private static final Pattern ATTEMPT = Pattern.compile("^\\s*Attempt to (read from|write to|execute) address ([0-9a-fA-F`]+)\\s*$");
    private static final Pattern RECORD_HEAD = Pattern.compile("^\\s*(?:-----\\s*)?Exception [Rr]ecord (?:@|at) ([0-9a-fA-F`]+):?\\s*$");
    private static final Pattern ON_THREAD = Pattern.compile("^-----\\s*Exception occurred on thread (\\d+):([0-9a-fA-F]+)\\s*$");
    private static final Pattern LAST_EVENT = Pattern.compile(
            "^Last event:\\s+(?:([0-9a-fA-F]+)\\.([0-9a-fA-F]+):\\s+)?(.*?)\\s*$");
    private static final Pattern EVENT = Pattern.compile(
            "^\\(([0-9a-fA-F]+)\\.([0-9a-fA-F]+)\\):\\s+(.*?) - code ([0-9a-fA-F]+) \\((first|second) chance\\)\\s*$");
    private static final Pattern CODE_IN_TEXT = Pattern.compile("(?i)(?:code|Exception)\\s+([0-9a-f]{8})\\b(?:,\\s+(first|second) chance)?");
    private static final Pattern BUGCHECK = Pattern.compile("^\\s*(?:Bugcheck code|BugCheck)\\s+([0-9a-fA-F]+)\\b.*$");
    private static final Pattern DEBUGGER_TIME = Pattern.compile("^\\s*debugger time: .*$");
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("c0000005", "Access violation"), Map.entry("c0000094", "Integer divide-by-zero"),
            Map.entry("c00000fd", "Stack overflow"), Map.entry("80000003", "Break instruction exception"),
            Map.entry("c0000409", "Security check failure or stack buffer overrun"),
            Map.entry("c0000374", "Heap corruption"), Map.entry("e06d7363", "C++ EH exception"),
            Map.entry("c000001d", "Illegal instruction"), Map.entry("e0434352", "CLR exception"),
            Map.entry("80000004", "Single step exception"), Map.entry("c0000096", "Privileged instruction"),
            Map.entry("c0000008", "Invalid handle"), Map.entry("c0000017", "Not enough memory"),
            Map.entry("c0000420", "Assertion failure"), Map.entry("c0000602", "Fail fast exception"),
            Map.entry("c0000025", "Noncontinuable exception"), Map.entry("c000008e", "Floating-point divide-by-zero"));

    private CdbExceptionParser() {
    }

    static void parse(CdbContext ctx, int from, int to) {
        String code = null;
        String description = null;
        String where = null;
        String attempt = null;
        long fault = -1;
        for (int i = from; i < to; i++) {
            String s = ctx.draft.text().get(i);
            Matcher m;
            if ((m = CODE.matcher(s)).matches()) {
                code = m.group(1).toLowerCase(Locale.ROOT);
                description = m.group(2);
            } else if ((m = ADDRESS.matcher(s)).matches()) {
                where = m.group(2) != null ? m.group(2) : m.group(1);
            } else if ((m = ATTEMPT.matcher(s)).matches()) {
                attempt = s.strip();
                fault = Long.parseUnsignedLong(m.group(2).replace("`", ""), 16);
            } else if ((m = ON_THREAD.matcher(s)).matches()) {
                ctx.faultingThread = m.group(1);
                ctx.faultingTid = m.group(2);
            } else if ((m = LAST_EVENT.matcher(s)).matches()) {
                event(ctx, m.group(2), m.group(3));
            } else if ((m = EVENT.matcher(s)).matches()) {
                eventBanner(ctx, m);
            } else if ((m = BUGCHECK.matcher(s)).matches()) {
                String bc = "0x" + m.group(1).replaceFirst("^0+(?=.)", "").toLowerCase(Locale.ROOT);
                ctx.exception(exception("bugcheck " + bc, "kernel bug check " + bc, Long.parseLong(m.group(1), 16), -1),
                        CdbContext.Rank.RECORD);
            } else if (!FIELD.matcher(s).matches() && !RECORD_HEAD.matcher(s).matches() && !DEBUGGER_TIME.matcher(s).matches()) {
                continue;
            }
            ctx.draft.understood(i);
        }
        if (code != null) record(ctx, code, description, where, attempt, fault);
    }

    private static void record(CdbContext ctx, String code, String description, String where, String attempt, long fault) {
        String message = attempt != null ? attempt : where != null ? "at " + where : "";
        if (attempt != null && where != null) message = attempt + " at " + where;
        CdbContext.Rank rank = code.equals("80000003") ? CdbContext.Rank.BREAK_IN : CdbContext.Rank.RECORD;
        ExceptionInfo e = exception(code, description, Long.parseLong(code, 16), fault);
        ctx.exception(new ExceptionInfo(e.type(), message, e.threadId(), e.signal(), List.of(), Optional.empty(), List.of()), rank);
    }

    private static void event(CdbContext ctx, String tid, String text) {
        Matcher c = CODE_IN_TEXT.matcher(text);
        if (!c.find()) return;
        String code = c.group(1).toLowerCase(Locale.ROOT);
        if (tid != null) ctx.faultingTid = tid;
        CdbContext.Rank rank = code.equals("80000003") ? CdbContext.Rank.BREAK_IN : CdbContext.Rank.EVENT;
        ctx.exception(exception(code, null, Long.parseLong(code, 16), -1), rank);
    }

    private static void eventBanner(CdbContext ctx, Matcher m) {
        String code = m.group(4).toLowerCase(Locale.ROOT);
        ctx.faultingTid = m.group(2);
        CdbContext.Rank rank = code.equals("80000003") ? CdbContext.Rank.BREAK_IN : CdbContext.Rank.EVENT;
        ctx.exception(exception(code, m.group(3), Long.parseLong(code, 16), -1), rank);
    }

    /** An exception named {@code c0000005 Access violation}, with the code as a signal-like record. */
    static ExceptionInfo exception(String code, String description, long number, long fault) {
        String name = description != null && !description.isBlank() ? description : NAMES.getOrDefault(code, "");
        String type = code.startsWith("bugcheck") ? code : name.isEmpty() ? code : code + " " + name;
        SignalInfo sig = new SignalInfo(type, number, OptionalInt.empty(), name,
                fault >= 0 ? OptionalLong.of(fault) : OptionalLong.empty());
        return new ExceptionInfo(type, name, Optional.empty(), Optional.of(sig), List.of(), Optional.empty(), List.of());
    }
}
