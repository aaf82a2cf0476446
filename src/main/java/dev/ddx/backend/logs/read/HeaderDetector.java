package dev.ddx.backend.logs.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the header of a file from a sample of its first lines: a leading timestamp (any shape
 * {@link TimestampParser} knows, bare or in brackets), then the fields up to the level, a
 * bracketed thread, a {@code logger:} or {@code logger -} component, or a syslog
 * {@code program[pid]:}; or the level first and the timestamp just after it (log4j's {@code %p %d}). Each sample line gets a signature; the most common one becomes the
 * file's {@link HeaderSpec}. A file with no recognisable header gets {@link HeaderSpec#none()}.
 */
public final class HeaderDetector {
    private static final int MAX_TOKENS = 14;

    private HeaderDetector() {
    }

    /** The spec that fits most of the sample lines. */
    public static HeaderSpec detect(List<String> sample) {
        Map<String, Integer> votes = new HashMap<>();
        Map<String, List<Element>> bySignature = new HashMap<>();
        String best = null;
        int bestVotes = 0;
        int runnerUp = 0; // the most votes of any other signature
        for (int n = 0; n < sample.size(); n++) {
            // the lines left cannot make another signature the winner: the rest would not change the result
            if (bestVotes > 0 && bestVotes >= runnerUp + sample.size() - n) break;
            String line = sample.get(n);
            if (line.isBlank() || Character.isWhitespace(line.charAt(0))) continue;
            List<Element> sig = signature(line);
            if (sig.isEmpty()) continue;
            String key = sig.toString();
            bySignature.putIfAbsent(key, sig);
            int v = votes.merge(key, 1, Integer::sum);
            if (key.equals(best)) {
                bestVotes = v;
            } else if (v > bestVotes) {
                runnerUp = bestVotes;
                best = key;
                bestVotes = v;
            } else {
                runnerUp = Math.max(runnerUp, v);
            }
        }
        if (best == null) return HeaderSpec.none();
        return build(bySignature.get(best));
    }

    /** One part of a header signature: its kind, and the timestamp shape for TIME parts. */
    record Element(Kind kind, TimestampParser.Shape shape, boolean bracketed, String literal) {
        @Override
        public String toString() {
            return kind + (shape == null ? "" : ":" + shape) + (bracketed ? "[]" : "") + (literal == null ? "" : "'" + literal);
        }
    }

    /**
     * The kinds of header part. {@code GLOG} is glog's and klog's level letter and time written as one
     * token ({@code I0624 14:36:53.123456}), {@code GLOG_SOURCE} their {@code file.go:42]}.
     * {@code PROGRAM} is a program's name before the time ({@code update-alternatives 2025-06-24
     * 14:36:53: …}); a TIME with the literal {@code ":"} has a colon just after it. {@code RUBY} is the
     * whole header of Ruby's Logger (Rails'): {@code I, [2024-03-01T10:00:00.123456 #1234]  INFO -- app: };
     * {@code REDIS} Redis's: {@code 1234:M 01 Mar 2024 10:00:00.123 * }. {@code ZONE} is a time zone
     * just after the time ({@code UTC}, {@code CEST}, {@code +03}: PostgreSQL's; see {@link Zones}).
     */
    enum Kind { TIME, ZONE, LEVEL, THREAD, NUMBER, WORD, SEPARATOR, COMPONENT, DASH_COMPONENT, GLOG, GLOG_SOURCE, PROGRAM, RUBY, REDIS }

    static List<Element> signature(String line) {
        List<Element> glog = glog(line);
        if (glog != null) return glog;
        Kind whole = WholeHeaders.of(line); // Ruby's or Redis's, its time in it
        if (whole != null) return List.of(new Element(whole, null, false, null));
        List<Element> out = new ArrayList<>();
        int at = leadingTime(line, out);
        List<int[]> toks = tokens(line, at);
        int level = -1;
        for (int k = 0; k < Math.min(toks.size(), 10); k++) {
            String t = text(line, toks.get(k));
            // a level letter only as logcat writes it, after a thread id and before a "tag:" ("1702 D Tag:"):
            // elsewhere "I" and "E" are words, and the "F" of a container runtime's "stdout F" marks a full line
            if (levelForm(t) != null && (t.length() > 1 || k > 0 && k + 1 < toks.size() && NumberParser.digitsOnly(text(line, toks.get(k - 1)))
                    && isComponent(text(line, toks.get(k + 1))))) {
                level = k;
                break;
            }
        }
        if (out.isEmpty() && level == 0 && toks.size() > 1) {
            // the level first and then the time (log4j's "%p %d …"): the fields after the time follow the level
            int[] timeEnd = new int[1];
            Element time = timeAt(line, toks.get(1)[0], timeEnd);
            if (time != null && (timeEnd[0] >= line.length() || Character.isWhitespace(line.charAt(timeEnd[0])))) {
                return levelThenTime(line, toks.get(0), time, timeEnd[0]);
            }
        }
        int end;
        if (level >= 0) {
            end = afterLevel(line, toks, level);
        } else if (!out.isEmpty()) {
            end = syslogEnd(line, toks);
        } else {
            return List.of();
        }
        boolean threadSeen = false;
        for (int k = 0; k < end; k++) {
            Element e = classify(line, toks, k, level, end, threadSeen, out);
            threadSeen |= e.kind == Kind.THREAD;
            out.add(e);
            if (e.kind == Kind.DASH_COMPONENT) k++;
        }
        return out;
    }

    /** The signature of a glog or klog line ({@code Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg}), or null. */
    private static List<Element> glog(String line) {
        if (line.length() < 2 || GLOG_LEVELS.indexOf(line.charAt(0)) < 0) return null;
        int[] end = new int[1];
        if (TimestampParser.shapeAt(line, 1, end) != TimestampParser.Shape.MONTH_DAY) return null;
        List<int[]> toks = tokens(line, end[0]);
        if (toks.size() < 2 || toks.get(0)[0] == end[0] || !NumberParser.digitsOnly(text(line, toks.get(0)))
                || !GLOG_SOURCE.matcher(text(line, toks.get(1))).matches()) return null;
        return List.of(new Element(Kind.GLOG, TimestampParser.Shape.MONTH_DAY, false, null),
                new Element(Kind.NUMBER, null, false, null), new Element(Kind.GLOG_SOURCE, null, false, null));
    }

    /** glog's level letters, and its {@code file.go:42]}: the source (a group in the header's expression) and its bracket. */
    private static final String GLOG_LEVELS = "IWEF";
    private static final String GLOG_FILE_LINE = "([^\\s\\[\\]]+:\\d+)\\]";
    private static final Pattern GLOG_SOURCE = Pattern.compile(GLOG_FILE_LINE);

    private static int leadingTime(String line, List<Element> out) {
        int[] end = new int[1];
        Element time = timeAt(line, 0, end);
        if (time == null) return programThenTime(line, out);
        out.add(time);
        return end[0];
    }

    /**
     * A program's name, one space, then the time, with or without a colon after it (dpkg's
     * {@code update-alternatives 2025-06-24 14:36:53: run with …}): where the time ends, else 0. A
     * level word is no program's name ({@code INFO 2024-03-01 …} is the level first).
     */
    private static int programThenTime(String line, List<Element> out) {
        int sp = 0;
        while (sp < line.length() && isProgramChar(line.charAt(sp))) sp++;
        if (sp == 0 || sp >= line.length() || line.charAt(sp) != ' ' || !Character.isLetter(line.charAt(0))
                || levelForm(line.substring(0, sp)) != null) return 0;
        int[] end = new int[1];
        Element time = timeAt(line, sp + 1, end);
        if (time == null) return 0;
        boolean colon = end[0] < line.length() && line.charAt(end[0]) == ':';
        int after = colon ? end[0] + 1 : end[0];
        if (after < line.length() && !Character.isWhitespace(line.charAt(after))) return 0;
        out.add(new Element(Kind.PROGRAM, null, false, null));
        out.add(new Element(Kind.TIME, time.shape(), time.bracketed(), colon ? ":" : null));
        return after;
    }

    private static boolean isProgramChar(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
    }

    /** The time (bare or in brackets) that starts at {@code from}, its end in {@code end[0]}; null when none does. */
    private static Element timeAt(String line, int from, int[] end) {
        boolean br = line.startsWith("[", from);
        TimestampParser.Shape s = TimestampParser.shapeAt(line, br ? from + 1 : from, end);
        if (s == null) return null;
        if (br && (end[0] >= line.length() || line.charAt(end[0]) != ']')) return null;
        if (br) end[0]++;
        return new Element(Kind.TIME, s, br, null);
    }

    /**
     * The signature of a line that starts with its level token {@code levelToken}, then the time
     * {@code time} up to {@code timeEnd}: the level, the time, and the fields after it as they would
     * follow the level.
     */
    private static List<Element> levelThenTime(String line, int[] levelToken, Element time, int timeEnd) {
        List<int[]> toks = new ArrayList<>();
        toks.add(levelToken);
        toks.addAll(tokens(line, timeEnd));
        int end = afterLevel(line, toks, 0);
        List<Element> out = new ArrayList<>();
        boolean threadSeen = false;
        for (int k = 0; k < end; k++) {
            Element e = classify(line, toks, k, 0, end, threadSeen, out);
            threadSeen |= e.kind == Kind.THREAD;
            out.add(e);
            if (k == 0) out.add(time);
            if (e.kind == Kind.DASH_COMPONENT) k++;
        }
        return out;
    }

    private static int afterLevel(String line, List<int[]> toks, int level) {
        int h = level + 1;
        if (h < toks.size() && line.charAt(toks.get(h)[0]) == '[') h++;
        if (h < toks.size() && isComponent(text(line, toks.get(h)))) {
            h++;
        } else if (h + 1 < toks.size() && isSeparator(text(line, toks.get(h + 1)))
                && !isSeparator(text(line, toks.get(h)))) {
            h += 2;
        }
        if (h < toks.size() && isSeparator(text(line, toks.get(h)))) h++;
        return Math.min(h, toks.size());
    }

    private static int syslogEnd(String line, List<int[]> toks) {
        for (int k = 0; k < Math.min(3, toks.size()); k++) {
            if (isComponent(text(line, toks.get(k)))) return k + 1;
        }
        return toks.isEmpty() || !isSeparator(text(line, toks.get(0))) ? 0 : 1;
    }

    private static Element classify(String line, List<int[]> toks, int k, int level, int end,
                                    boolean threadSeen, List<Element> sofar) {
        String t = text(line, toks.get(k));
        if (k == level) {
            return new Element(Kind.LEVEL, null, t.startsWith("["), t.endsWith(":") ? ":" : null);
        }
        if (isSeparator(t) && !sofar.isEmpty()) return new Element(Kind.SEPARATOR, null, false, t);
        if (!sofar.isEmpty() && sofar.get(sofar.size() - 1).kind == Kind.TIME && Zones.isZone(t)) {
            return new Element(Kind.ZONE, null, false, null);
        }
        if (t.startsWith("[")) return new Element(threadSeen ? Kind.WORD : Kind.THREAD, null, true, null);
        if (isComponent(t) && k == end - 1) return new Element(Kind.COMPONENT, null, false, null);
        if (k + 2 == end && isSeparator(text(line, toks.get(k + 1))) && k > level && level >= 0) {
            return new Element(Kind.DASH_COMPONENT, null, false, text(line, toks.get(k + 1)));
        }
        boolean timeSeen = sofar.stream().anyMatch(e -> e.kind == Kind.TIME);
        if (!timeSeen) {
            for (TimestampParser.Shape s : TimestampParser.Shape.values()) {
                if (s.singleToken() && s.pattern.matcher(t).matches()) return new Element(Kind.TIME, s, false, null);
            }
        }
        if (t.chars().allMatch(Character::isDigit)) return new Element(Kind.NUMBER, null, false, null);
        return new Element(Kind.WORD, null, false, null);
    }

    static String levelForm(String t) {
        String w = t;
        if (w.startsWith("[") && w.endsWith("]") && w.length() > 2) {
            w = w.substring(1, w.length() - 1).trim();
            return w.isEmpty() || !Character.isLetter(w.charAt(0)) || Levels.normalize(w).isEmpty() ? null : w;
        }
        if (w.isEmpty() || !Character.isLetter(w.charAt(0))) return null; // Redis's signs are levels only in its header
        if (w.endsWith(":")) w = w.substring(0, w.length() - 1);
        if (!w.equals(w.toUpperCase(java.util.Locale.ROOT))) return null;
        if (t.endsWith(":") && HeaderParser.DETAILS.contains(w)) return w; // PostgreSQL's "DETAIL:" stands where its levels do
        return Levels.normalize(w).isEmpty() ? null : w;
    }

    private static boolean isComponent(String t) {
        return t.length() > 1 && t.endsWith(":") && !t.startsWith("[") && !t.contains("://")
                && levelForm(t) == null && Character.isLetter(t.charAt(0));
    }

    private static boolean isSeparator(String t) {
        return t.equals("-") || t.equals("|") || t.equals("--") || t.equals(":") || t.equals("-->");
    }

    private static String text(String line, int[] tok) {
        return line.substring(tok[0], tok[1]);
    }

    /** Whitespace-separated tokens from {@code from}; a bracketed group (nesting allowed) is one token. */
    static List<int[]> tokens(String line, int from) {
        List<int[]> out = new ArrayList<>();
        int i = from;
        int n = line.length();
        while (i < n && out.size() < MAX_TOKENS) {
            while (i < n && Character.isWhitespace(line.charAt(i))) i++;
            if (i >= n) break;
            int start = i;
            if (line.charAt(i) == '[') {
                int depth = 0;
                for (; i < n; i++) {
                    char c = line.charAt(i);
                    if (c == '[') depth++;
                    else if (c == ']' && --depth == 0) {
                        i++;
                        break;
                    }
                }
                while (i < n && !Character.isWhitespace(line.charAt(i))) i++;
            } else {
                while (i < n && !Character.isWhitespace(line.charAt(i))) i++;
            }
            out.add(new int[] {start, i});
        }
        return out;
    }

    private static HeaderSpec build(List<Element> sig) {
        StringBuilder regex = new StringBuilder("^");
        StringBuilder shown = new StringBuilder();
        List<HeaderSpec.Role> roles = new ArrayList<>();
        int other = 0;
        for (Element e : sig) {
            if (shown.length() > 0) {
                regex.append("\\s+");
                shown.append(' ');
            }
            switch (e.kind) {
                case TIME -> {
                    part(regex, shown, roles, e.bracketed, "(" + nonCapturing(e.shape.regex()) + ")", "<Timestamp>", HeaderSpec.Role.TIME);
                    if (":".equals(e.literal)) {
                        regex.append(':');
                        shown.append(':');
                    }
                }
                case ZONE -> part(regex, shown, roles, false, "(\\S+)", "<Zone>", HeaderSpec.Role.ZONE);
                case PROGRAM -> { // the component, unless the header names one of its own later
                    boolean later = sig.stream().anyMatch(x -> x.kind == Kind.COMPONENT || x.kind == Kind.DASH_COMPONENT);
                    part(regex, shown, roles, false, "(\\S+)", later ? "<Field" + (++other) + ">" : "<Component>",
                            later ? HeaderSpec.Role.OTHER : HeaderSpec.Role.COMPONENT);
                }
                case LEVEL -> {
                    part(regex, shown, roles, e.bracketed, e.bracketed ? "\\s*([A-Za-z]+)\\s*" : "([A-Za-z]+)", "<Level>", HeaderSpec.Role.LEVEL);
                    if (":".equals(e.literal)) {
                        regex.append(':');
                        shown.append(':');
                    }
                }
                case THREAD -> part(regex, shown, roles, true, "((?:[^\\[\\]]++|\\[[^\\]]*+\\])*+)", "<Thread>", HeaderSpec.Role.THREAD);
                case NUMBER -> part(regex, shown, roles, false, "(\\d+)", "<Pid>", HeaderSpec.Role.PID);
                case SEPARATOR -> {
                    regex.append(Pattern.quote(e.literal));
                    shown.append(e.literal);
                }
                case COMPONENT -> {
                    regex.append("([^\\s\\[]+)(?:\\[(\\d+)\\])?:");
                    roles.add(HeaderSpec.Role.COMPONENT);
                    roles.add(HeaderSpec.Role.PID);
                    shown.append("<Component>:");
                }
                case DASH_COMPONENT -> {
                    regex.append("(\\S+)\\s+").append(Pattern.quote(e.literal));
                    roles.add(HeaderSpec.Role.COMPONENT);
                    shown.append("<Component> ").append(e.literal);
                }
                case WORD -> part(regex, shown, roles, e.bracketed, e.bracketed ? "([^\\]]*)" : "(\\S+)", "<Field" + (++other) + ">", HeaderSpec.Role.OTHER);
                case GLOG -> {
                    regex.append("([").append(GLOG_LEVELS).append("])(").append(nonCapturing(e.shape.regex())).append(')');
                    roles.add(HeaderSpec.Role.LEVEL);
                    roles.add(HeaderSpec.Role.TIME);
                    shown.append("<Level><Timestamp>");
                }
                case RUBY, REDIS -> WholeHeaders.build(e.kind, regex, roles, shown);
                case GLOG_SOURCE -> {
                    regex.append(GLOG_FILE_LINE);
                    roles.add(HeaderSpec.Role.COMPONENT);
                    shown.append("<Component>]");
                }
            }
        }
        regex.append("\\s*(.*)");
        roles.add(HeaderSpec.Role.CONTENT);
        shown.append(" <Content>");
        return new HeaderSpec(shown.toString(), Pattern.compile(regex.toString(), Pattern.DOTALL), roles, HeaderScanner.of(sig));
    }

    /**
     * The shape's regex without capturing groups, and without the groups that only wrap a digit
     * run: fewer states for the matcher on every line.
     */
    static String nonCapturing(String shapeRegex) {
        String r = shapeRegex.replace("(", "(?:").replace("(?:?:", "(?:");
        return r.replaceAll("\\(\\?:(\\\\d\\{\\d(?:,\\d)?\\})\\)", "$1");
    }

    private static void part(StringBuilder regex, StringBuilder shown, List<HeaderSpec.Role> roles, boolean bracketed,
                             String group, String name, HeaderSpec.Role role) {
        regex.append(bracketed ? "\\[" + group + "\\]" : group);
        shown.append(bracketed ? "[" + name + "]" : name);
        roles.add(role);
    }
}
