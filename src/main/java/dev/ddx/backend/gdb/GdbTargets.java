package dev.ddx.backend.gdb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddx.backend.BackendContext;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.TargetSpec;
import dev.ddx.backend.Transport;
import dev.ddx.backend.observe.Observation;
import dev.ddx.backend.observe.ProcSampler;
import dev.ddx.error.DebuggerException;
import dev.ddx.error.TargetUnreadableException;
import dev.ddx.error.UsageException;
import dev.ddx.model.InputInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetProcess.Capture;
import dev.ddx.model.TargetProcess.ProcessState;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Opens each kind of gdb target: checks the input, loads it in gdb, takes the snapshot. */
final class GdbTargets {
    /** Signals a debugger or gcore leaves behind; a core stopped by one of them did not crash. */
    private static final Set<String> NOT_FATAL = Set.of("SIGSTOP", "SIGTRAP", "SIGINT", "SIGCONT", "SIGTSTP",
            "SIGTTIN", "SIGTTOU", "SIGCHLD", "SIGWINCH");

    private GdbTargets() {
    }

    /**
     * @param local true when gdb runs on this machine: the input files and the pid are checked here
     *              first. False over a given transport (replay): only gdb's replies count.
     */
    static DebuggerBackend core(TargetSpec.Core spec, BackendContext ctx, Supplier<Transport> transport, boolean local) {
        if (local) GdbInputChecks.core(spec.core(), spec.executable());
        return opened(transport, ctx, s -> {
            GdbInputChecks.loaded(s.mi("-file-exec-and-symbols " + GdbMiParser.fileArgument(spec.executable().toString())),
                    "gdb cannot load the executable " + spec.executable());
            MiReply core = s.mi("-target-select core " + GdbMiParser.fileArgument(spec.core().toString()));
            GdbInputChecks.coreLoaded(core, spec.core(), spec.executable());
            GdbSnapshotParser.GdbState st = state(s, true);
            Optional<dev.ddx.model.ExceptionInfo> signal = st.signal().filter(e -> !NOT_FATAL.contains(e.type()));
            ProcessState ps = signal.isPresent() ? ProcessState.CRASHED : ProcessState.RUNNING;
            TargetProcess proc = new TargetProcess(pid(st.pid()), st.executable(), List.of(), TargetProcess.Runtime.NATIVE,
                    Capture.CORE, ps, OptionalLong.empty());
            InputInfo in = GdbInputChecks.notes(InputInfo.of("gdb core", spec.core() + " of " + spec.executable()), core);
            Snapshot snap = snapshot(st, proc, signal, in);
            return new GdbBackend(s, GdbProbes.add(s, snap), "core " + spec.core() + " of " + spec.executable(), () -> { });
        });
    }

    static DebuggerBackend pid(TargetSpec.Pid spec, BackendContext ctx, Supplier<Transport> transport, boolean local) {
        if (local) GdbInputChecks.pidExists(spec.pid());
        Optional<Observation> observed = !local || spec.observe().isZero() || spec.observe().isNegative()
                ? Optional.empty() : Optional.of(ProcSampler.system().observe(spec.pid(), spec.observe()));
        return opened(transport, ctx, s -> {
            MiReply attach = s.mi("-target-attach " + spec.pid());
            if (attach.isError()) {
                throw new TargetUnreadableException("cannot attach to pid " + spec.pid() + ": " + attach.error(),
                        "attaching needs ptrace permission: the same user, no other debugger attached, "
                                + "and /proc/sys/kernel/yama/ptrace_scope 0 (or run as root)");
            }
            GdbSnapshotParser.GdbState st = state(s, false);
            TargetProcess proc = new TargetProcess(OptionalLong.of(spec.pid()), ProcFacts.executable(spec.pid(), st.executable()),
                    ProcFacts.arguments(spec.pid()), TargetProcess.Runtime.NATIVE, Capture.ATTACH, ProcessState.RUNNING,
                    OptionalLong.empty());
            Snapshot snap = snapshot(st, proc, Optional.empty(), InputInfo.of("gdb attach", "pid " + spec.pid()));
            snap = CPythonStacks.addTo(s, snap);
            if (observed.isPresent()) snap = observed.get().applyTo(snap);
            return new GdbBackend(s, snap, "pid " + spec.pid() + " (" + proc.executable() + ")",
                    () -> s.mi("-target-detach"));
        });
    }

    static DebuggerBackend run(TargetSpec.Run spec, BackendContext ctx, Supplier<Transport> transport, boolean local) {
        Path program = local || spec.command().isEmpty() ? GdbInputChecks.program(spec.command()) : Path.of(spec.command().get(0));
        List<String> args = spec.command().subList(1, spec.command().size());
        return opened(transport, ctx, s -> {
            GdbInputChecks.loaded(s.mi("-file-exec-and-symbols " + GdbMiParser.fileArgument(program.toString())),
                    "gdb cannot load the program " + program);
            ProgramOutput output = ProgramOutput.create();
            s.console("set args " + ProgramOutput.shellWords(args) + " < /dev/null > " + output.shellPath() + " 2>&1");
            s.console("handle SIGPIPE SIGALRM SIGCHLD SIGUSR1 SIGUSR2 SIGHUP SIGWINCH SIGURG SIGPROF SIGVTALRM SIGIO "
                    + "nostop noprint pass");
            Duration hang = spec.hangAfter().isZero() || spec.hangAfter().isNegative() ? Duration.ofSeconds(10) : spec.hangAfter();
            JsonNode outcome = s.helper("ddx-run {\"hang_after\": " + hang.toMillis() / 1000.0 + "}",
                    hang.plus(ctx.callTimeout()).plusSeconds(10));
            Runnable release = launchedRelease(s);
            String description = "program " + String.join(" ", spec.command()) + " launched under gdb";
            return new GdbBackend(s, launched(s, outcome, program, args, output, hang), description, release);
        });
    }

    private static Snapshot launched(GdbSession s, JsonNode outcome, Path program, List<String> args,
                                     ProgramOutput output, Duration hang) {
        String kind = outcome.path("outcome").asText();
        OptionalLong pid = pid(outcome.path("pid").asLong(0));
        InputInfo in = output.noteOn(InputInfo.of("gdb launch", program + (args.isEmpty() ? "" : " " + String.join(" ", args))));
        if (kind.equals("exited")) {
            OptionalLong code = outcome.hasNonNull("exit_code") ? OptionalLong.of(outcome.path("exit_code").asLong())
                    : OptionalLong.empty();
            String status = code.isPresent() ? "status " + code.getAsLong() : "an unknown status";
            TargetProcess proc = new TargetProcess(pid, program.toString(), args, TargetProcess.Runtime.NATIVE,
                    Capture.LAUNCH, ProcessState.EXITED, code);
            return new Snapshot(proc, List.of(), List.of(), Optional.empty(), List.of(), List.of(), List.of(),
                    in.withNote("the program exited normally with " + status + "; nothing to analyse"));
        }
        boolean hung = kind.equals("hang");
        GdbSnapshotParser.GdbState st = state(s, !hung);
        ProcessState ps = hung ? ProcessState.HUNG : ProcessState.CRASHED;
        TargetProcess proc = new TargetProcess(pid, program.toString(), args, TargetProcess.Runtime.NATIVE,
                Capture.LAUNCH, ps, OptionalLong.empty());
        if (hung) in = in.withNote("neither crashed nor exited within " + hang.toSeconds() + " s; stopped with SIGINT");
        Snapshot snap = snapshot(st, proc, hung ? Optional.empty() : st.signal(), in);
        return hung ? snap : GdbProbes.add(s, snap);
    }

    /** Kills the launched program (and anything it started) when the session ends. */
    private static Runnable launchedRelease(GdbSession s) {
        return () -> {
            List<ProcessHandle> children = s.transport() instanceof GdbMiTransport g
                    ? g.handle().descendants().toList() : List.of();
            try {
                s.console("kill");
            } finally {
                children.forEach(ProcessHandle::destroyForcibly);
            }
        };
    }

    private static GdbSnapshotParser.GdbState state(GdbSession s, boolean siginfo) {
        JsonNode doc = s.helper("ddx-snapshot {\"siginfo\": " + siginfo + "}", s.ctx().callTimeout().multipliedBy(2));
        SourceLines lines = new SourceLines();
        return GdbSnapshotParser.state(doc, lines::line);
    }

    private static Snapshot snapshot(GdbSnapshotParser.GdbState st, TargetProcess proc,
                                     Optional<dev.ddx.model.ExceptionInfo> signal, InputInfo in) {
        return new Snapshot(proc, st.threads(), st.modules(), signal, st.locks(), List.of(), List.of(), in);
    }

    private static OptionalLong pid(long pid) {
        return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
    }

    /** Starts gdb, prepares it, opens the target; on any failure gdb is ended before the error goes on. */
    private static DebuggerBackend opened(Supplier<Transport> transport, BackendContext ctx,
                                          Function<GdbSession, DebuggerBackend> open) {
        GdbSession s = new GdbSession(transport.get(), ctx);
        try {
            prepare(s);
            return open.apply(s);
        } catch (RuntimeException e) {
            s.transport().close();
            throw e;
        }
    }

    private static void prepare(GdbSession s) {
        for (String setting : new String[]{"confirm off", "pagination off", "width 0", "height 0"}) {
            s.mi("-gdb-set " + setting);
        }
        s.console("set debuginfod enabled off");
        s.console("set print thread-events off");
        MiReply source = s.console("source " + GdbScript.path());
        if (source.isError()) {
            throw new DebuggerException("gdb could not load the ddx helper: " + source.error(),
                    "ddx needs gdb with Python support (gdb 9 or later)");
        }
    }
}
