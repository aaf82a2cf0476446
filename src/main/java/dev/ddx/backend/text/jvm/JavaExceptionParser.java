package dev.ddx.backend.text.jvm;

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
 * A printed Java exception ({@code Throwable.printStackTrace}): the exception, its frames, its
 * {@code Caused by:} chain (each a CAUSE of the one above) and {@code Suppressed:} exceptions,
 * with {@code ... N more} elisions. When several top-level exceptions are in the text, the last
 * one is the snapshot's exception.
 */
public final class JavaExceptionParser {
    private static final Pattern HEAD = Pattern.compile(
            "^(?:Exception in thread \"(.*?)\" )?([a-zA-Z_$][\\w$]*(?:\\.[\\w$]+)+)(?::\\s?(.*))?$");
    private static final Pattern CHAINED = Pattern.compile("^(\\s*)(Caused by|Suppressed): ([\\w$.]+)(?::\\s?(.*))?$");
    private static final Pattern MORE = Pattern.compile("^\\s*\\.\\.\\. \\d+ (?:more|common frames omitted)\\s*$");

    private JavaExceptionParser() {
    }

    public static void parse(DumpDraft draft) {
        draft.runtime(TargetProcess.Runtime.JVM);
        TextLines text = draft.text();
        ExceptionInfo last = null;
        String thread = null;
        for (int i = 0; i < text.size(); i++) {
            Matcher m = HEAD.matcher(text.get(i).strip());
            if (m.matches() && i + 1 < text.size() && JavaFrameParser.isAtLine(text.get(i + 1)) && !text.get(i).startsWith(" ")) {
                int[] end = {i};
                last = read(draft, i, end, m.group(2), m.group(3), "");
                thread = m.group(1);
                i = end[0] - 1;
            }
        }
        if (last == null) return;
        String threadId = thread == null ? "main" : thread;
        draft.thread(new TargetThread(threadId, OptionalLong.empty(), threadId, ThreadState.STOPPED, Optional.empty(),
                false, last.frames()));
        draft.exception(new ExceptionInfo(last.type(), last.message(), Optional.of(threadId), Optional.empty(),
                last.frames(), last.cause(), last.suppressed()));
        draft.state(TargetProcess.ProcessState.CRASHED);
    }

    /**
     * One exception starting at {@code i}: its frames, then its suppressed ones (indented deeper)
     * and its cause (at the same indent). {@code end[0]} is set to the index after it.
     */
    private static ExceptionInfo read(DumpDraft draft, int i, int[] end, String type, String message, String indent) {
        TextLines text = draft.text();
        List<StackFrame> frames = new ArrayList<>();
        List<ExceptionInfo> suppressed = new ArrayList<>();
        ExceptionInfo cause = null;
        draft.understood(i);
        int j = i + 1;
        while (j < text.size()) {
            String s = text.get(j);
            Matcher c = CHAINED.matcher(s);
            if (JavaFrameParser.isAtLine(s)) {
                Optional<StackFrame> f = JavaFrameParser.parse(frames.size(), s);
                if (f.isEmpty()) break;
                frames.add(f.get());
                draft.understood(j++);
            } else if (MORE.matcher(s).matches()) {
                draft.understood(j++);
            } else if (c.matches() && c.group(2).equals("Suppressed") && c.group(1).length() > indent.length()) {
                int[] e = {j};
                suppressed.add(read(draft, j, e, c.group(3), c.group(4), c.group(1)));
                j = e[0];
            } else if (c.matches() && c.group(2).equals("Caused by") && c.group(1).length() == indent.length()) {
                int[] e = {j};
                cause = read(draft, j, e, c.group(3), c.group(4), c.group(1));
                j = e[0];
                break;
            } else {
                break;
            }
        }
        end[0] = j;
        Optional<ExceptionInfo.Cause> link = cause == null ? Optional.empty()
                : Optional.of(new ExceptionInfo.Cause(ExceptionInfo.Relation.CAUSE, cause));
        return new ExceptionInfo(type, message, Optional.empty(), Optional.empty(), frames, link, suppressed);
    }
}
