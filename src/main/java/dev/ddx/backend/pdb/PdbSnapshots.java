package dev.ddx.backend.pdb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddx.backend.TargetSpec;
import dev.ddx.model.CounterSeries;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.InputInfo;
import dev.ddx.model.LoadedModule;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetProcess;
import dev.ddx.pattern.exception.VersionNotes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Builds the snapshot of a Python program from the driver's run status and snapshot reply. */
final class PdbSnapshots {
    static final String KIND = "pdb driver";

    private PdbSnapshots() {
    }

    static Snapshot of(TargetSpec.Python spec, JsonNode status, JsonNode result, Map<String, String> pins,
                       boolean observed) {
        String state = result.path("state").asText(status.path("state").asText("running"));
        TargetProcess.ProcessState ps = switch (state) {
            case "exception" -> TargetProcess.ProcessState.CRASHED;
            case "exited" -> TargetProcess.ProcessState.EXITED;
            default -> observed ? TargetProcess.ProcessState.RUNNING : TargetProcess.ProcessState.HUNG;
        };
        OptionalLong exit = result.has("exit_code") ? OptionalLong.of(result.get("exit_code").asLong())
                : OptionalLong.empty();
        TargetProcess process = new TargetProcess(OptionalLong.of(result.path("pid").asLong()),
                spec.script().toString(), spec.arguments(), TargetProcess.Runtime.PYTHON,
                TargetProcess.Capture.LAUNCH, ps, exit);
        Optional<ExceptionInfo> exception = PdbReplyParser.exception(result.path("exception"));
        List<LoadedModule> modules = PdbReplyParser.modules(result.path("modules"));
        List<CounterSeries> counters = PdbReplyParser.counters(status.path("counters"));
        InputInfo input = new InputInfo(KIND, describe(spec, result), List.of(),
                notes(spec, state, status, result, pins, observed));
        return new Snapshot(process, PdbReplyParser.threads(result.path("threads")), modules, exception,
                PdbReplyParser.locks(result.path("locks")), counters, List.of(), input);
    }

    /** The program ended (os._exit, a fatal error) before the driver could answer. */
    static Snapshot ended(TargetSpec.Python spec, Optional<Integer> exitCode, Map<String, String> pins) {
        TargetProcess process = new TargetProcess(OptionalLong.empty(), spec.script().toString(), spec.arguments(),
                TargetProcess.Runtime.PYTHON, TargetProcess.Capture.LAUNCH, TargetProcess.ProcessState.EXITED,
                exitCode.map(c -> OptionalLong.of(c.longValue())).orElse(OptionalLong.empty()));
        String how = exitCode.map(c -> c < 0 ? "was killed by signal " + (-c) : "ended with exit status " + c)
                .orElse("ended");
        InputInfo input = new InputInfo(KIND, "python " + spec.script(), List.of(),
                List.of("the program " + how + " without returning to the driver (os._exit or a fatal error in"
                        + " the interpreter), so no threads or exception could be captured"));
        return new Snapshot(process, List.of(), List.of(), Optional.empty(), List.of(), List.of(), List.of(), input);
    }

    private static String describe(TargetSpec.Python spec, JsonNode result) {
        StringBuilder b = new StringBuilder("python ").append(result.path("python").asText("3")).append(' ')
                .append(spec.script());
        spec.arguments().forEach(a -> b.append(' ').append(a));
        return b.toString();
    }

    private static List<String> notes(TargetSpec.Python spec, String state, JsonNode status, JsonNode result,
                                      Map<String, String> pins, boolean observed) {
        List<String> notes = new ArrayList<>();
        double elapsed = status.path("elapsed").asDouble();
        switch (state) {
            case "exited" -> notes.add("the program exited with status " + result.path("exit_code").asLong()
                    + " after " + elapsed + " s");
            case "exception" -> notes.add("the program stopped on an uncaught exception after " + elapsed + " s");
            default -> notes.add(observed
                    ? "observed the running program for " + PdbBackend.seconds(spec.observe()) + " s"
                    : "the program neither finished nor failed within " + PdbBackend.seconds(spec.hangAfter())
                    + " s (--hang-after)");
        }
        for (JsonNode err : status.path("thread_errors")) {
            JsonNode first = err.path("chain").path(0);
            notes.add("thread " + err.path("thread").asText() + " \"" + err.path("name").asText() + "\" died of "
                    + first.path("type").asText() + ": " + first.path("message").asText());
        }
        JsonNode installed = result.path("installed");
        pins.forEach((dist, pinned) -> {
            JsonNode v = installed.get(dist);
            notes.add(VersionNotes.pin(dist, pinned,
                    v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText())));
        });
        for (JsonNode m : result.path("modules")) {
            if (m.hasNonNull("shadows")) {
                notes.add(VersionNotes.shadow(m.path("name").asText(), m.path("path").asText(),
                        m.path("shadows").asText()));
            }
        }
        return notes;
    }
}
