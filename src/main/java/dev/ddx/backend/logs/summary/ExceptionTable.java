package dev.ddx.backend.logs.summary;

import dev.ddx.backend.logs.read.ExceptionParser;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.LineRange;
import dev.ddx.model.StackFrame;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Groups exceptions by their type chain and innermost frame; at most {@code cap} groups are kept. */
final class ExceptionTable {
    private final int cap;
    private final Map<ExceptionParser.Signature, Acc> groups = new LinkedHashMap<>();

    ExceptionTable(int cap) {
        this.cap = cap;
    }

    private static final class Acc {
        ExceptionInfo first;
        long count;
        Instant firstSeen;
        Instant lastSeen;
        LineRange firstAt;
        LineRange lastAt;
    }

    void add(ExceptionInfo x, LineRange at, Optional<Instant> t) {
        add(ExceptionParser.Signature.of(x), () -> Optional.of(x), at, t);
    }

    /** Counts an exception by its signature; {@code parse} builds it when it starts a group. */
    void add(ExceptionParser.Signature signature, Supplier<Optional<ExceptionInfo>> parse, LineRange at, Optional<Instant> t) {
        Acc a = groups.get(signature);
        if (a == null) {
            if (groups.size() >= cap) return;
            Optional<ExceptionInfo> x = parse.get();
            if (x.isEmpty()) return;
            a = new Acc();
            a.first = x.get();
            a.firstAt = at;
            groups.put(signature, a);
        }
        a.count++;
        a.lastAt = at;
        if (t.isPresent()) {
            if (a.firstSeen == null) a.firstSeen = t.get();
            a.lastSeen = t.get();
        }
    }

    /** Adds the groups of a later chunk of the same input, its line numbers moved by {@code lineOffset}. */
    void addAll(ExceptionTable later, int lineOffset) {
        for (Map.Entry<ExceptionParser.Signature, Acc> e : later.groups.entrySet()) {
            Acc o = e.getValue();
            Acc a = groups.get(e.getKey());
            if (a == null) {
                if (groups.size() >= cap) continue;
                a = new Acc();
                a.first = o.first;
                a.firstAt = Occurrences.moved(o.firstAt, lineOffset);
                groups.put(e.getKey(), a);
            }
            a.count += o.count;
            a.lastAt = Occurrences.moved(o.lastAt, lineOffset);
            if (a.firstSeen == null) a.firstSeen = o.firstSeen;
            if (o.lastSeen != null) a.lastSeen = o.lastSeen;
        }
    }

    List<ExceptionGroup> groups() {
        List<ExceptionGroup> out = new ArrayList<>();
        for (Acc a : groups.values()) {
            List<ExceptionInfo> chain = a.first.chain();
            ExceptionInfo root = chain.get(chain.size() - 1);
            List<String> frames = root.frames().stream().limit(5).map(StackFrame::label).toList();
            if (frames.isEmpty()) frames = a.first.frames().stream().limit(5).map(StackFrame::label).toList();
            out.add(new ExceptionGroup(a.first, chain.stream().map(ExceptionInfo::type).toList(), frames, a.count,
                    Optional.ofNullable(a.firstSeen), Optional.ofNullable(a.lastSeen), a.firstAt, a.lastAt));
        }
        out.sort(Comparator.comparingLong(ExceptionGroup::count).reversed());
        return out.size() > 20 ? out.subList(0, 20) : out;
    }
}
