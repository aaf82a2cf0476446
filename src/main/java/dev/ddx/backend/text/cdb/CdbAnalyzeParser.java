package dev.ddx.backend.text.cdb;

import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code !analyze -v}: the exception record, faulting module, symbol and source, the process and
 * image names, the failure bucket, and STACK_TEXT as the faulting thread's stack. Old ("FAULTING_IP")
 * and newer layouts share the {@code KEY: value} form read here; the record itself is read by
 * {@link CdbExceptionParser}.
 */
final class CdbAnalyzeParser {
    private static final Pattern KEY = Pattern.compile("^(?:## )?([A-Z][A-Z0-9_]{2,}):\\s*(.*?)\\s*$");
    private static final Pattern BANNER = Pattern.compile("^\\s*(\\*+|\\*\\s.*\\*|\\*\\s*|(?:Exception|Bugcheck) Analysis"
            + "|Use !analyze -v to get detailed debugging information\\.|(?:## )?Debugging Details:|-{3,}|Followup:\\s*\\S*"
            + "|Arg\\d: .*|[A-Z]+_[A-Z_]+ \\(\\w+\\)|An attempt was made .*)\\s*$");
    private static final Pattern BUGCHECK = Pattern.compile("^\\s*BugCheck ([0-9a-fA-F]+), \\{.*\\}\\s*$");
    private static final Pattern BUGCHECK_NAME = Pattern.compile("^([A-Z][A-Z0-9_]+_[A-Z0-9_]+) \\(([0-9a-fA-F]+)\\)\\s*$");
    private static final Pattern REGISTERS = Pattern.compile("^\\s*(?:[a-z]{2,3}=[0-9a-f`]+\\s*)+.*$|^\\s*(?:cs|ss|ds|es|fs|gs)=.*$");
    private static final Pattern INSTRUCTION = Pattern.compile("^[0-9a-fA-F`]{8,17}\\s+[0-9a-fA-F]+\\s+\\w+.*$");
    private static final Pattern SOURCE_LINE = Pattern.compile("^\\s*>?\\s*\\d+:.*$");
    private static final Pattern SYMBOL_LINE = Pattern.compile("^[\\w.\\-]+!\\S+(?:\\s+\\[.*\\])?:?\\s*$");

    private CdbAnalyzeParser() {
    }

    static void parse(CdbContext ctx, int from, int to) {
        CdbExceptionParser.parse(ctx, from, to);
        Map<String, String> keys = new LinkedHashMap<>();
        List<StackFrame> stack = new ArrayList<>();
        String key = "";
        for (int i = from; i < to; i++) {
            String s = ctx.draft.text().get(i);
            Matcher m;
            if (s.isBlank()) {
                key = key.equals("FAULTING_SOURCE_CODE") || key.equals("STACK_TEXT") && stack.isEmpty() ? key : "";
                continue;
            }
            if ((m = KEY.matcher(s)).matches()) {
                key = m.group(1);
                keys.putIfAbsent(key, m.group(2));
            } else if ((m = BUGCHECK.matcher(s)).matches()) {
                keys.put("BUGCHECK_CODE", m.group(1));
            } else if ((m = BUGCHECK_NAME.matcher(s)).matches()) {
                keys.put("BUGCHECK_CODE", m.group(2));
                keys.put("BUGCHECK_NAME", m.group(1));
            } else if (key.equals("STACK_TEXT")) {
                Optional<StackFrame> f = CdbFrameParser.parse(s, stack.size());
                if (f.isEmpty()) continue;
                stack.add(f.get());
            } else if (!BANNER.matcher(s).matches() && !REGISTERS.matcher(s).matches()
                    && !(INSTRUCTION.matcher(s).matches() || SYMBOL_LINE.matcher(s).matches()) && !SOURCE_LINE.matcher(s).matches()) {
                continue;
            }
            ctx.draft.understood(i);
        }
        apply(ctx, keys, stack);
    }

    private static void apply(CdbContext ctx, Map<String, String> keys, List<StackFrame> stack) {
        if (keys.isEmpty() && stack.isEmpty()) return; // not !analyze output after all
        ctx.draft.executable(keys.get("PROCESS_NAME"));
        String module = keys.getOrDefault("MODULE_NAME", "");
        if (!module.isEmpty()) ctx.draft.note("!analyze: faulting module " + module
                + (keys.containsKey("IMAGE_NAME") ? " (" + keys.get("IMAGE_NAME") + ")" : ""));
        String bucket = keys.getOrDefault("FAILURE_BUCKET_ID", keys.getOrDefault("BUCKET_ID", ""));
        if (!bucket.isEmpty()) ctx.draft.note("!analyze: failure bucket " + bucket);
        String symbol = keys.getOrDefault("SYMBOL_NAME", "");
        if (keys.containsKey("FAULTING_SOURCE_FILE")) {
            ctx.draft.note("!analyze: faulting source " + keys.get("FAULTING_SOURCE_FILE")
                    + (keys.containsKey("FAULTING_SOURCE_LINE_NUMBER") ? ":" + keys.get("FAULTING_SOURCE_LINE_NUMBER") : ""));
        }
        String thread = !ctx.faultingThread.isEmpty() ? ctx.faultingThread
                : ctx.currentThread.isEmpty() ? "0" : ctx.currentThread;
        if (!stack.isEmpty()) {
            ctx.draft.thread(new TargetThread(thread, OptionalLong.empty(), "", ThreadState.STOPPED, Optional.empty(),
                    false, stack));
        }
        Optional<ExceptionInfo> known = ctx.draft.exception();
        String bugcheck = keys.getOrDefault("BUGCHECK_CODE", keys.getOrDefault("BUGCHECK_STR", "").startsWith("0x")
                ? keys.get("BUGCHECK_STR").substring(2) : "");
        if (!bugcheck.isEmpty() && known.isEmpty()) {
            String code = bugcheck.toLowerCase(java.util.Locale.ROOT).replaceFirst("^0+(?=.)", "");
            known = Optional.of(CdbExceptionParser.exception("bugcheck 0x" + code,
                    keys.getOrDefault("BUGCHECK_NAME", "kernel bug check 0x" + code), Long.parseLong(code, 16), -1));
        }
        if (known.isEmpty()) return;
        ExceptionInfo e = known.get();
        String message = e.message();
        if (!symbol.isEmpty() && !message.contains(symbol)) message = (message.isEmpty() ? "" : message + "; ") + "in " + symbol;
        ctx.faultingThread = thread;
        ctx.exception(new ExceptionInfo(e.type(), message, Optional.of(thread), e.signal(), stack, Optional.empty(),
                List.of()), CdbContext.Rank.ANALYSIS);
    }
}
