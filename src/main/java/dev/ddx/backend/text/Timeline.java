package dev.ddx.backend.text;

import dev.ddx.backend.text.cdb.CdbSessionParser;
import dev.ddx.model.CounterSeries;
import dev.ddx.model.InputInfo;
import dev.ddx.model.LineRange;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetProcess;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dumps a user gave, in order, as one piece of evidence. Parts of one debugger session (a cdb
 * {@code !locks} in one file, {@code ~} and {@code kb} in others) are joined into one snapshot;
 * thread dumps taken one after another stay samples, and their per-thread CPU times and states
 * become counter series ({@code cpu}, {@code blocked}) of the last one.
 *
 * @param dumps the dumps after joining session parts, in the order given
 */
public record Timeline(List<ParsedDump> dumps) {
    /** Name of the series that is 1 while a thread is BLOCKED in a dump and 0 when it is not. */
    public static final String BLOCKED = "blocked";

    public Timeline {
        dumps = List.copyOf(dumps);
    }

    /** Joins consecutive parts of one session (same kind, not thread-dump samples). */
    public static Timeline of(List<ParsedDump> parsed) {
        List<ParsedDump> out = new ArrayList<>();
        for (ParsedDump d : parsed) {
            ParsedDump last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && !d.sample() && last.kind() == d.kind()) {
                out.set(out.size() - 1, join(last, d));
            } else {
                out.add(d);
            }
        }
        List<ParsedDump> resolved = new ArrayList<>();
        for (ParsedDump d : out) {
            resolved.add(d.kind() == DumpKind.CDB
                    ? new ParsedDump(d.kind(), CdbSessionParser.resolve(d.snapshot()), d.takenAt()) : d);
        }
        return new Timeline(resolved);
    }

    private static ParsedDump join(ParsedDump a, ParsedDump b) {
        DumpDraft draft = new DumpDraft(new TextLines("", List.of(), 1), a.kind());
        for (Snapshot s : List.of(a.snapshot(), b.snapshot())) {
            s.threads().forEach(draft::thread);
            s.locks().forEach(draft::lock);
            s.modules().forEach(draft::module);
            s.counters().forEach(draft::counter);
            s.input().notes().forEach(draft::note);
            if (draft.exception().isEmpty()) s.exception().ifPresent(draft::exception);
            if (draft.state() == TargetProcess.ProcessState.UNKNOWN) draft.state(s.process().state());
            draft.runtime(s.process().runtime());
            if (draft.executable().isEmpty() && !s.process().executable().equals(s.input().description())) {
                draft.executable(s.process().executable());
            }
            s.process().pid().ifPresent(draft::pid);
        }
        Snapshot joined = draft.toSnapshot(a.snapshot().input().description());
        List<LineRange> unparsed = new ArrayList<>(a.snapshot().input().unparsed());
        unparsed.addAll(b.snapshot().input().unparsed());
        String description = a.snapshot().input().description() + ", " + b.snapshot().input().description();
        joined = joined.withInput(new InputInfo(a.kind().label(), description, unparsed, joined.input().notes()));
        return new ParsedDump(a.kind(), joined, a.takenAt());
    }

    /** The last dump's evidence, with the series over all dumps and the input of all of them. */
    public Snapshot combined() {
        if (dumps.isEmpty()) throw new IllegalStateException("no dumps");
        Snapshot last = dumps.get(dumps.size() - 1).snapshot();
        if (dumps.size() == 1) return last;
        Map<String, CounterSeries> series = new LinkedHashMap<>();
        for (ParsedDump d : dumps) {
            for (CounterSeries c : d.snapshot().counters()) {
                series.merge(c.name() + "\u0000" + c.subject(), c, DumpDraft::joinSeries);
            }
        }
        blockedSeries().forEach(c -> series.put(c.name() + "\u0000" + c.subject(), c));
        return last.withCounters(List.copyOf(series.values())).withInput(input());
    }

    /** Per thread, 1 for each dump where it is BLOCKED and 0 where it is not, at the dump's time. */
    private List<CounterSeries> blockedSeries() {
        List<ParsedDump> samples = dumps.stream().filter(ParsedDump::sample).toList();
        if (samples.size() < 2) return List.of();
        boolean timed = samples.stream().allMatch(d -> d.takenAt() >= 0);
        Map<String, List<CounterSeries.Sample>> byThread = new LinkedHashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            ParsedDump d = samples.get(i);
            long at = timed ? d.takenAt() - samples.get(0).takenAt() : i;
            for (TargetThread t : d.snapshot().threads()) {
                byThread.computeIfAbsent(t.id(), k -> new ArrayList<>())
                        .add(new CounterSeries.Sample(at, t.state() == ThreadState.BLOCKED ? 1 : 0));
            }
        }
        List<CounterSeries> out = new ArrayList<>();
        byThread.forEach((id, s) -> out.add(new CounterSeries(BLOCKED, id, timed ? "state@ms" : "state@dump", s)));
        return out;
    }

    private InputInfo input() {
        Set<String> kinds = new LinkedHashSet<>();
        Set<String> files = new LinkedHashSet<>();
        List<LineRange> unparsed = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        for (ParsedDump d : dumps) {
            kinds.add(d.kind().label());
            files.add(d.snapshot().input().description());
            unparsed.addAll(d.snapshot().input().unparsed());
            notes.addAll(d.snapshot().input().notes());
        }
        long samples = dumps.stream().filter(ParsedDump::sample).count();
        String kind = String.join(" + ", kinds) + (samples > 1 ? " (" + samples + " dumps in a row)" : "");
        if (samples > 1) notes.add("read " + samples + " dumps of one process in a row; the last one is shown, "
                + "CPU times and BLOCKED states are compared across all of them");
        return new InputInfo(kind, String.join(", ", files), unparsed, List.copyOf(notes));
    }
}
