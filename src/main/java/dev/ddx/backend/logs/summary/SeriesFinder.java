package dev.ddx.backend.logs.summary;

import dev.ddx.backend.logs.mine.Shape;
import dev.ddx.backend.logs.mine.Template;
import dev.ddx.backend.logs.mine.TokenMasker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Picks the numeric series worth showing from the per-shape number tracks, named {@code T<id>.<n>}. */
final class SeriesFinder {
    static final int MAX_SERIES = 12;

    private SeriesFinder() {
    }

    static List<NumericSeries> find(Map<Template, List<Map.Entry<Shape, ShapeStats>>> byTemplate) {
        List<NumericSeries> out = new ArrayList<>();
        byTemplate.forEach((t, shapes) -> forTemplate(t, shapes).stream().filter(s -> !identifier(s.label())).forEach(out::add));
        out.sort(Comparator.comparingInt((NumericSeries s) -> s.kind() == NumericSeries.Kind.OTHER ? 1 : 0)
                .thenComparing(Comparator.comparingLong(NumericSeries::count).reversed())
                .thenComparing(NumericSeries::name));
        return out.size() > MAX_SERIES ? List.copyOf(out.subList(0, MAX_SERIES)) : out;
    }

    /**
     * All series of one template, including ones too short to show (used by {@code ddx logs plot}).
     * A parameter is a series only where numbers are at least half of what its events held there:
     * a package's version that is now and then a plain {@code 12.9} among {@code 252.36-1~deb12u1}s is no measure.
     */
    static List<NumericSeries> forTemplate(Template t, List<Map.Entry<Shape, ShapeStats>> shapes) {
        Map<Integer, List<ShapeStats.Track>> byPosition = new TreeMap<>();
        Map<Integer, Long> eventsAt = new TreeMap<>();
        for (Map.Entry<Shape, ShapeStats> e : shapes) {
            if (e.getValue().numbers == null) continue;
            List<Integer> positions = maskedPositions(e.getKey());
            ShapeStats.Track[] numbers = e.getValue().numbers;
            for (int idx = 0; idx < numbers.length && idx < positions.size(); idx++) {
                ShapeStats.Track track = numbers[idx];
                if (track == null) continue; // not tracked (too many tracks): counts neither way
                eventsAt.merge(positions.get(idx), e.getValue().count, Long::sum);
                if (!track.dead) byPosition.computeIfAbsent(positions.get(idx), k -> new ArrayList<>()).add(track);
            }
        }
        List<NumericSeries> out = new ArrayList<>();
        byPosition.forEach((pos, tracks) -> {
            long numbers = tracks.stream().mapToLong(k -> k.sampler.count()).sum();
            NumericSeries s = 2 * numbers >= eventsAt.get(pos) ? series(t, pos, tracks) : null;
            if (s != null) out.add(s);
        });
        return out;
    }

    /** Names of numbers that tell things apart rather than measure them: no series of the summary ({@code logs plot} draws them if asked). */
    private static final java.util.Set<String> IDENTIFIERS = java.util.Set.of("port", "pid", "ppid", "tid", "uid", "euid", "gid",
            "egid", "id", "uuid", "guid", "sid");

    /** Whether a series' label ends with the name of an identifier ({@code port}, {@code rhost port}, {@code pid}). */
    static boolean identifier(String label) {
        String[] words = words(label).split(" ");
        return IDENTIFIERS.contains(words[words.length - 1]);
    }

    private static List<Integer> maskedPositions(Shape s) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) if (s.token(i).contains(TokenMasker.WILDCARD)) out.add(i);
        return out;
    }

    private static NumericSeries series(Template t, int pos, List<ShapeStats.Track> tracks) {
        List<SeriesSampler.Point> points = new ArrayList<>();
        long count = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ShapeStats.Track k : tracks) {
            points.addAll(k.sampler.points());
            count += k.sampler.count();
            min = Math.min(min, k.sampler.min());
            max = Math.max(max, k.sampler.max());
        }
        if (count < 5 || max <= min || pos >= t.tokens().size()) return null;
        points.sort(Comparator.comparing(SeriesSampler.Point::at).thenComparing(SeriesSampler.Point::line));
        String label = label(t, pos);
        String unit = tracks.get(0).unit.isEmpty() ? unitAfter(t, pos) : tracks.get(0).unit;
        if (unit.isEmpty()) unit = unitInName(label);
        int n = 0;
        for (int i = 0; i <= pos; i++) if (t.tokens().get(i).contains(TokenMasker.WILDCARD)) n++;
        double[] trend = trend(points);
        return new NumericSeries(t.id() + "." + n, label, t.id(), t.text(), unit, kind(label, unit), count, min, max,
                points, trend[0], trend[1] > 0);
    }

    private static final java.util.Set<String> UNITS = java.util.Set.of("b", "kb", "mb", "gb", "tb", "kib", "mib", "gib",
            "bytes", "ms", "s", "sec", "secs", "seconds", "us", "ns", "min", "minutes", "%");

    /** A unit written as the word after the number ({@code 300 MB}, {@code 20 ms}), lower case, or empty. */
    static String unitAfter(Template t, int pos) {
        if (pos + 1 >= t.tokens().size()) return "";
        String next = t.tokens().get(pos + 1).toLowerCase(Locale.ROOT);
        while (!next.isEmpty() && ",.;:)".indexOf(next.charAt(next.length() - 1)) >= 0) next = next.substring(0, next.length() - 1);
        return UNITS.contains(next) ? next : "";
    }

    /** The unit a structured log's field name ends with ({@code duration_ms}, {@code heapUsedMb}), lower case, or empty. */
    static String unitInName(String label) {
        String[] words = words(label).split(" ");
        String last = words[words.length - 1];
        return words.length > 1 && UNITS.contains(last) ? last : "";
    }

    /** A label's words, lower case: {@code heap_used_mb} and {@code heapUsedMb} are {@code heap used mb}. */
    private static String words(String label) {
        return label.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[_.\\-]+", " ").trim().toLowerCase(Locale.ROOT);
    }

    /**
     * A series' name: the words just before its number (up to three, from the last value before
     * it), and a {@code key=} of its own; without the small words at either end ({@code for},
     * {@code of}, {@code in}, …). When only such words stand there ({@code lease for <*> for <*>
     * seconds}), the words before the value before them ({@code renew lease}); when none stand
     * there either, the small words.
     */
    static String label(Template t, int pos) {
        String own = t.tokens().get(pos);
        int eq = own.indexOf('=');
        List<String> words = wordsBefore(t, pos);
        if (eq > 0) {
            words.add(own.substring(0, eq));
            return String.join(" ", words);
        }
        List<String> named = trimmed(words);
        if (!named.isEmpty()) return String.join(" ", named);
        // only small words: those before the value just before them, if any
        int before = pos - 1;
        while (before > 0 && !t.tokens().get(before).contains(TokenMasker.WILDCARD)) before--;
        named = before > 0 ? trimmed(wordsBefore(t, before)) : List.of();
        if (!named.isEmpty()) return String.join(" ", named);
        return words.isEmpty() ? "value" : String.join(" ", words);
    }

    /** Up to three words just before token {@code pos}, none before a value; punctuation dropped. */
    private static List<String> wordsBefore(Template t, int pos) {
        List<String> out = new ArrayList<>();
        for (int i = Math.max(0, pos - 3); i < pos; i++) {
            if (t.tokens().get(i).contains(TokenMasker.WILDCARD)) {
                out.clear();
                continue;
            }
            String w = t.tokens().get(i).replaceAll("[^\\p{L}\\p{N}_ -]", "");
            if (!w.isEmpty()) out.add(w);
        }
        return out;
    }

    private static List<String> trimmed(List<String> words) {
        int from = 0;
        int to = words.size();
        while (from < to && SMALL.contains(words.get(from).toLowerCase(Locale.ROOT))) from++;
        while (to > from && SMALL.contains(words.get(to - 1).toLowerCase(Locale.ROOT))) to--;
        return new ArrayList<>(words.subList(from, to));
    }

    /** Words that name nothing a number measures. */
    private static final java.util.Set<String> SMALL = java.util.Set.of("for", "of", "in", "at", "to", "after", "with", "by",
            "from", "on", "is", "was", "are", "were", "be", "been", "the", "a", "an", "than", "over", "within", "and", "or", "-");

    static NumericSeries.Kind kind(String label, String unit) {
        String l = words(label);
        if (l.matches(".*\\b(memory|heap|rss|mem|used bytes|free memory|heap used)\\b.*") || unit.matches("[kmg]i?b"))
            return NumericSeries.Kind.MEMORY;
        if (l.matches(".*\\b(handles?|fds?|descriptors?|open files|sockets?)\\b.*")) return NumericSeries.Kind.HANDLES;
        if (unit.matches("ms|s|us|ns|sec|secs|seconds|min|minutes") || l.matches(".*\\b(took|time|elapsed|latency|duration|delay)\\b.*"))
            return NumericSeries.Kind.DURATION;
        if (l.matches(".*\\b(queue|pending|backlog|pool|waiting|active|threads|connections)\\b.*"))
            return NumericSeries.Kind.QUEUE;
        if (l.matches(".*\\b(size|length|bytes|len)\\b.*") || unit.equals("b") || unit.equals("bytes")) return NumericSeries.Kind.SIZE;
        if (l.matches(".*\\b(count|total|number|records|items|entries)\\b.*")) return NumericSeries.Kind.COUNT;
        return NumericSeries.Kind.OTHER;
    }

    /** {growth of the last fifth's mean over the first fifth's, 1 when most steps go up and it ends higher}. */
    static double[] trend(List<SeriesSampler.Point> p) {
        int n = p.size();
        if (n < 5) return new double[] {0, 0};
        int fifth = Math.max(1, n / 5);
        double a = 0;
        double z = 0;
        for (int i = 0; i < fifth; i++) {
            a += p.get(i).value();
            z += p.get(n - 1 - i).value();
        }
        a /= fifth;
        z /= fifth;
        int up = 0;
        for (int i = 1; i < n; i++) if (p.get(i).value() >= p.get(i - 1).value()) up++;
        double growth = a == 0 ? (z > 0 ? 1 : 0) : (z - a) / Math.abs(a);
        boolean rising = growth > 0.2 && up >= 0.6 * (n - 1);
        return new double[] {growth, rising ? 1 : 0};
    }
}
