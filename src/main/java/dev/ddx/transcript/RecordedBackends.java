package dev.ddx.transcript;

import dev.ddx.backend.BackendContext;
import dev.ddx.backend.DebuggerBackend;
import dev.ddx.backend.TargetSpec;
import dev.ddx.backend.gdb.GdbBackend;
import dev.ddx.backend.pdb.PdbBackend;
import dev.ddx.backend.pdb.RequirementsParser;
import dev.ddx.backend.text.TextDumpBackend;
import dev.ddx.error.UsageException;
import dev.ddx.event.SessionEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Opens each kind of backend over a {@link RecordedTransport} instead of a real debugger, so the
 * backend's own parsing and the detectors run again on exactly what the debugger printed when
 * the session was recorded. Keeps the transports to report what the recording lacked.
 */
public final class RecordedBackends {
    private final List<SessionEvent> events;
    private final UnaryOperator<String> normalize;
    private final List<RecordedTransport> transports = new ArrayList<>();

    private final UnaryOperator<String> restore;
    private final Path projectDir;

    /**
     * @param normalize  applied to commands before matching them with the recorded ones
     * @param projectDir what {@code <project>} in the recorded replies stands for in this replay
     */
    public RecordedBackends(List<SessionEvent> events, UnaryOperator<String> normalize, Path projectDir) {
        this.events = events;
        this.normalize = normalize;
        this.projectDir = projectDir.toAbsolutePath().normalize();
        String dir = this.projectDir.toString();
        this.restore = s -> s.replace(TranscriptMasks.PROJECT + "/", dir + "/");
    }

    /** The backend of {@code spec} over the recording; the debugger's replies come from the recorded exchanges. */
    public DebuggerBackend open(TargetSpec spec, BackendContext ctx) {
        if (spec instanceof TargetSpec.Run || spec instanceof TargetSpec.Core || spec instanceof TargetSpec.Pid) {
            return GdbBackend.over(transport("gdb"), absolute(spec), ctx);
        }
        if (spec instanceof TargetSpec.Dump d) {
            RecordedTransport text = transport("text");
            return TextDumpBackend.open(d, ctx, (Function<String, String>) f -> text.exchange("read " + f, ctx.callTimeout()));
        }
        if (spec instanceof TargetSpec.Python p) {
            PdbBackend b = new PdbBackend(transport("pdb"), ctx, p, pins(p));
            b.start();
            return b;
        }
        throw new UsageException("ddx cannot yet replay a " + spec.getClass().getSimpleName().toLowerCase()
                + " target from its recording", "replay it with --live");
    }

    /**
     * The target with its files named absolutely, as the recorded session named them to gdb
     * (relative paths are the project's), so the commands match the recorded ones.
     */
    private TargetSpec absolute(TargetSpec spec) {
        if (spec instanceof TargetSpec.Run r && !r.command().isEmpty()) {
            List<String> cmd = new ArrayList<>(r.command());
            if (cmd.get(0).contains("/")) cmd.set(0, projectDir.resolve(cmd.get(0)).normalize().toString());
            return new TargetSpec.Run(cmd, r.hangAfter());
        }
        if (spec instanceof TargetSpec.Core c) {
            return new TargetSpec.Core(projectDir.resolve(c.core()).normalize(), projectDir.resolve(c.executable()).normalize());
        }
        return spec;
    }

    /** The pinned versions the recorded session compared against, read again from the requirements file. */
    private static Map<String, String> pins(TargetSpec.Python p) {
        if (p.requirements().isEmpty()) return Map.of();
        try {
            return RequirementsParser.pins(Files.readString(p.requirements().get()));
        } catch (IOException e) {
            return Map.of();
        }
    }

    private RecordedTransport transport(String debugger) {
        RecordedTransport t = new RecordedTransport(debugger, events, normalize).restoring(restore);
        transports.add(t);
        return t;
    }

    /** Commands the session asked that the recording had no reply to. */
    public List<String> misses() {
        List<String> out = new ArrayList<>();
        transports.forEach(t -> out.addAll(t.misses()));
        return out;
    }
}
