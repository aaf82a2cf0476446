package dev.ddx.backend.text.python;

import dev.ddx.backend.text.CodeOwnerPolicy;
import dev.ddx.backend.text.DumpDraft;
import dev.ddx.backend.text.TextLines;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;
import dev.ddx.model.Variable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code py-spy dump} output, written from py-spy's documented layout (py-spy is not installed on
 * the build machine): "Process PID: command", "Python vX (exe)", then per thread
 * {@code Thread 0x… (idle|active[+gil]): "name"} and frames {@code function (file:line)}; with
 * {@code --native}, native frames {@code function (library)} without a line; with {@code --locals},
 * "Arguments:"/"Locals:" and {@code name: repr} lines under a frame.
 */
public final class PySpyParser {
    private static final Pattern PROCESS = Pattern.compile("^Process (\\d+): (.*?)\\s*$");
    private static final Pattern PYTHON = Pattern.compile("^Python v(\\S+)(?: \\((.*)\\))?\\s*$");
    private static final Pattern THREAD = Pattern.compile(
            "^Thread (0x[0-9A-Fa-f]+|\\d+) \\(([a-z]+(?:\\+gil)?)\\)(?:: \"(.*)\")?\\s*$");
    private static final Pattern FRAME = Pattern.compile("^ {2,6}(\\S.*?) \\((.+?)(?::(\\d+))?\\)\\s*$");
    private static final Pattern SECTION = Pattern.compile("^ {6,}(Arguments|Locals):\\s*$");
    private static final Pattern LOCAL = Pattern.compile("^ {8,}([\\w.*]+): (.*)$");

    private PySpyParser() {
    }

    public static void parse(DumpDraft draft) {
        draft.runtime(TargetProcess.Runtime.PYTHON);
        TextLines text = draft.text();
        for (int i = 0; i < text.size(); i++) {
            String s = text.get(i);
            Matcher m;
            if ((m = PROCESS.matcher(s)).matches()) {
                draft.pid(Long.parseLong(m.group(1)));
                draft.executable(m.group(2));
            } else if ((m = PYTHON.matcher(s)).matches()) {
                draft.note("Python " + m.group(1) + (m.group(2) == null ? "" : " (" + m.group(2) + ")"));
            } else if ((m = THREAD.matcher(s)).matches()) {
                i = thread(draft, i, m) - 1;
                continue;
            } else {
                continue;
            }
            draft.understood(i);
        }
        draft.state(TargetProcess.ProcessState.RUNNING);
    }

    private static int thread(DumpDraft draft, int i, Matcher header) {
        TextLines text = draft.text();
        List<StackFrame> frames = new ArrayList<>();
        List<Variable> locals = new ArrayList<>();
        draft.understood(i);
        int j = i + 1;
        for (; j < text.size(); j++) {
            String s = text.get(j);
            Matcher m;
            if ((m = LOCAL.matcher(s)).matches() && !frames.isEmpty()) {
                locals.add(new Variable(m.group(1), "", m.group(2)));
            } else if (SECTION.matcher(s).matches()) {
                // "Arguments:" and "Locals:" headings
            } else if ((m = FRAME.matcher(s)).matches()) {
                attachLocals(frames, locals);
                frames.add(frame(frames.size(), m));
            } else {
                break;
            }
            draft.understood(j);
        }
        attachLocals(frames, locals);
        String id = header.group(1);
        OptionalLong tid = id.startsWith("0x") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(id));
        ThreadState state = header.group(2).startsWith("active") ? ThreadState.RUNNING : PythonWaits.state(frames);
        draft.thread(new TargetThread(id, tid, header.group(3) == null ? "" : header.group(3), state, Optional.empty(),
                false, frames));
        return j;
    }

    private static void attachLocals(List<StackFrame> frames, List<Variable> locals) {
        if (frames.isEmpty() || locals.isEmpty()) return;
        int last = frames.size() - 1;
        frames.set(last, frames.get(last).withLocals(List.copyOf(locals)));
        locals.clear();
    }

    /** A Python frame (file:line), or a native one (--native) whose "file" is the library. */
    private static StackFrame frame(int index, Matcher m) {
        String function = m.group(1);
        String file = m.group(2);
        if (m.group(3) != null || file.endsWith(".py") || file.startsWith("<")) {
            return PythonFrames.frame(index, function, file, m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), null, List.of());
        }
        return new StackFrame(index, function, file, Optional.empty(), OptionalLong.empty(), List.of(), List.of(),
                Optional.empty(), CodeOwnerPolicy.nativeFrame(function, file, ""));
    }
}
