package dev.ddx.backend.text.python;

import dev.ddx.backend.text.DumpDraft;
import dev.ddx.backend.text.TextLines;
import dev.ddx.model.ExceptionInfo;
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
 * Python tracebacks (2.x and 3.x), with their chains: "The above exception was the direct cause
 * of the following exception" links the earlier one as a CAUSE, "During handling of the above
 * exception, another exception occurred" as a CONTEXT. The exception printed last is the
 * snapshot's exception; frames are innermost first; carets and source lines are kept as source text.
 */
public final class PythonTracebackParser {
    private static final Pattern START = Pattern.compile("^(\\s*)Traceback \\(most recent call last\\):\\s*$");
    private static final Pattern FRAME = Pattern.compile("^\\s+File \"(.+)\", line (\\d+)(?:, in (.+))?\\s*$");
    private static final Pattern CARET = Pattern.compile("^\\s*[~^]+\\s*$");
    private static final Pattern REPEATED = Pattern.compile("^\\s*\\[Previous line repeated (\\d+) more times?\\]\\s*$");
    private static final Pattern EXCEPTION = Pattern.compile("^([A-Za-z_][\\w.]*(?:Error|Exception|Warning|Exit|Interrupt|Iteration|Group|[A-Z]\\w*))(?::\\s?(.*))?$");
    private static final Pattern CAUSE = Pattern.compile("^\\s*The above exception was the direct cause of the following exception:\\s*$");
    private static final Pattern CONTEXT = Pattern.compile("^\\s*During handling of the above exception, another exception occurred:\\s*$");
    private static final Pattern IN_THREAD = Pattern.compile("^Exception in thread (.+?)(?: \\(\\w+\\))?:\\s*$");

    private PythonTracebackParser() {
    }

    public static void parse(DumpDraft draft) {
        draft.runtime(TargetProcess.Runtime.PYTHON);
        TextLines text = draft.text();
        ExceptionInfo last = null;
        ExceptionInfo.Relation link = null;
        String thread = "MainThread";
        int count = 0;
        List<StackFrame> lastFrames = List.of();
        for (int i = 0; i < text.size(); i++) {
            String s = text.get(i);
            Matcher m;
            if (START.matcher(s).matches()) {
                int[] end = {i};
                List<StackFrame> partial = new ArrayList<>();
                ExceptionInfo e = read(draft, i, end, partial);
                if (!partial.isEmpty()) lastFrames = PythonFrames.innermostFirst(partial);
                if (e == null) {
                    if (!partial.isEmpty()) draft.note("a traceback ends without its exception line (cut short?)");
                    continue;
                }
                count++;
                last = link == null || last == null ? e : new ExceptionInfo(e.type(), e.message(), e.threadId(), e.signal(),
                        e.frames(), Optional.of(new ExceptionInfo.Cause(link, last)), e.suppressed());
                link = null;
                i = end[0] - 1;
            } else if (CAUSE.matcher(s).matches()) {
                link = ExceptionInfo.Relation.CAUSE;
                draft.understood(i);
            } else if (CONTEXT.matcher(s).matches()) {
                link = ExceptionInfo.Relation.CONTEXT;
                draft.understood(i);
            } else if ((m = IN_THREAD.matcher(s)).matches()) {
                thread = m.group(1);
                draft.understood(i);
            }
        }
        if (last == null) {
            if (!lastFrames.isEmpty()) draft.thread(new TargetThread(thread, OptionalLong.empty(), thread,
                    ThreadState.UNKNOWN, Optional.empty(), false, lastFrames));
            return;
        }
        if (count > 1 && last.cause().isEmpty()) draft.note(count + " tracebacks in the text; the last one is shown");
        draft.thread(new TargetThread(thread, OptionalLong.empty(), thread, ThreadState.STOPPED, Optional.empty(), false,
                last.frames().isEmpty() ? lastFrames : last.frames()));
        draft.exception(new ExceptionInfo(last.type(), last.message(), Optional.of(thread), Optional.empty(),
                last.frames(), last.cause(), last.suppressed()));
        draft.state(TargetProcess.ProcessState.CRASHED);
    }

    /** One traceback block from its "Traceback" line to its exception line; {@code end[0]} is the index after it. */
    private static ExceptionInfo read(DumpDraft draft, int start, int[] end, List<StackFrame> frames) {
        TextLines text = draft.text();
        String indent = START.matcher(text.get(start)).replaceFirst("$1");
        draft.understood(start);
        int j = start + 1;
        for (; j < text.size(); j++) {
            String s = text.get(j);
            Matcher m = FRAME.matcher(s);
            if (m.matches()) {
                String source = j + 1 < text.size() && !FRAME.matcher(text.get(j + 1)).matches()
                        && text.get(j + 1).startsWith(indent + "    ") ? text.get(j + 1).strip() : null;
                frames.add(PythonFrames.frame(frames.size(), m.group(3) == null ? "<module>" : m.group(3), m.group(1),
                        Integer.parseInt(m.group(2)), source, List.of()));
                draft.understood(j);
                if (source != null) draft.understood(++j);
            } else if (CARET.matcher(s).matches() || REPEATED.matcher(s).matches()) {
                draft.understood(j);
            } else {
                Matcher x = EXCEPTION.matcher(s.substring(Math.min(indent.length(), s.length())));
                if (!x.matches() || s.startsWith(indent + " ")) break;
                draft.understood(j);
                end[0] = j + 1;
                return new ExceptionInfo(x.group(1), x.group(2) == null ? "" : x.group(2), Optional.empty(),
                        Optional.empty(), PythonFrames.innermostFirst(frames), Optional.empty(), List.of());
            }
        }
        end[0] = j;
        return null;
    }
}
