package dev.ddx.backend.text.python;

import dev.ddx.backend.text.DumpDraft;
import dev.ddx.backend.text.TextLines;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.LoadedModule;
import dev.ddx.model.SignalInfo;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A faulthandler dump: every thread's Python stack ({@code Thread 0x… (most recent call first):},
 * the current one marked), after "Fatal Python error: Segmentation fault" when the interpreter
 * died on a signal, or after "Timeout (0:00:05)!" from {@code dump_traceback_later}. The extension
 * modules line becomes the module list.
 */
public final class FaulthandlerParser {
    private static final Pattern FATAL = Pattern.compile("^Fatal Python error: (.*?)\\s*$");
    private static final Pattern THREAD = Pattern.compile("^(Current thread|Thread) (0x[0-9a-fA-F]+) \\(most recent call first\\):\\s*$");
    private static final Pattern FRAME = Pattern.compile("^\\s+File \"(.+)\", line (\\d+) in (.+?)\\s*$");
    private static final Pattern NO_FRAME = Pattern.compile("^\\s+(<no Python frame>|\\.\\.\\.)\\s*$");
    private static final Pattern EXTENSIONS = Pattern.compile("^Extension modules: (.*?)(?: \\(total: \\d+\\))?\\s*$");
    private static final Pattern NOISE = Pattern.compile("^(Python runtime state: .*|Timeout \\(\\d+:\\d\\d:\\d\\d(?:\\.\\d+)?\\)!|Stack \\(most recent call first\\):)\\s*$");
    private static final Map<String, String[]> SIGNALS = Map.of(
            "Segmentation fault", new String[] {"SIGSEGV", "11"}, "Aborted", new String[] {"SIGABRT", "6"},
            "Floating point exception", new String[] {"SIGFPE", "8"}, "Bus error", new String[] {"SIGBUS", "7"},
            "Illegal instruction", new String[] {"SIGILL", "4"});

    private FaulthandlerParser() {
    }

    public static void parse(DumpDraft draft) {
        draft.runtime(TargetProcess.Runtime.PYTHON);
        TextLines text = draft.text();
        String fatal = null;
        String current = null;
        for (int i = 0; i < text.size(); i++) {
            String s = text.get(i);
            Matcher m;
            if ((m = FATAL.matcher(s)).matches()) {
                fatal = m.group(1);
            } else if ((m = THREAD.matcher(s)).matches()) {
                if (m.group(1).startsWith("Current")) current = m.group(2);
                i = thread(draft, i, m.group(2), m.group(1).startsWith("Current")) - 1;
                continue;
            } else if ((m = EXTENSIONS.matcher(s)).matches()) {
                for (String name : m.group(1).split(",\\s*")) {
                    draft.module(new LoadedModule(name.strip(), name.strip(), Optional.empty(), OptionalLong.empty(),
                            OptionalLong.empty(), Optional.empty(), Optional.empty(), false));
                }
            } else if (!NOISE.matcher(s).matches()) {
                continue;
            }
            draft.understood(i);
        }
        if (fatal != null) fatal(draft, fatal, current);
    }

    private static int thread(DumpDraft draft, int i, String id, boolean current) {
        TextLines text = draft.text();
        List<StackFrame> frames = new ArrayList<>();
        draft.understood(i);
        int j = i + 1;
        for (; j < text.size(); j++) {
            Matcher m = FRAME.matcher(text.get(j));
            if (m.matches()) {
                frames.add(PythonFrames.frame(frames.size(), m.group(3), m.group(1), Integer.parseInt(m.group(2)), null, List.of()));
            } else if (!NO_FRAME.matcher(text.get(j)).matches()) {
                break;
            }
            draft.understood(j);
        }
        draft.thread(new TargetThread(id, OptionalLong.empty(), current ? "current thread" : "",
                current ? ThreadState.RUNNING : PythonWaits.state(frames), Optional.empty(), false, frames));
        return j;
    }

    private static void fatal(DumpDraft draft, String what, String current) {
        String[] sig = SIGNALS.get(what);
        Optional<SignalInfo> signal = sig == null ? Optional.empty()
                : Optional.of(new SignalInfo(sig[0], Long.parseLong(sig[1]), OptionalInt.empty(), "", OptionalLong.empty()));
        List<StackFrame> frames = current == null ? List.of()
                : draft.thread(current).map(TargetThread::frames).orElse(List.of());
        if (current != null) draft.thread(current).ifPresent(t -> draft.replaceThread(t.withState(ThreadState.STOPPED)));
        draft.exception(new ExceptionInfo(sig == null ? "Fatal Python error" : sig[0], "Fatal Python error: " + what,
                Optional.ofNullable(current), signal, frames, Optional.empty(), List.of()));
        draft.state(TargetProcess.ProcessState.CRASHED);
    }
}
