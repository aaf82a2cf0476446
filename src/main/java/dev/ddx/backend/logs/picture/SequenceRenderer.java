package dev.ddx.backend.logs.picture;

import dev.ddx.model.LogEvent;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sequence diagram drawn from log lines: participants are components (or threads), and each
 * time the log moves from one participant to another an arrow goes between them, labelled with the
 * template of the line that answered. Repeats of the same arrow in a row are collapsed with a count.
 * Rendered by PlantUML to SVG, PNG or Unicode text.
 */
public final class SequenceRenderer {
    /** An arrow equal to one of the last few is a repeat of the same exchange, counted rather than drawn. */
    static final int RECENT = 4;

    private SequenceRenderer() {
    }

    static String participant(LogEvent e, boolean byThread) {
        String p = byThread ? e.thread() : e.component();
        if (p.isEmpty()) p = byThread ? e.component() : e.thread();
        return p.isEmpty() ? "log" : p;
    }

    /** The PlantUML text of the diagram, with at most {@code maxArrows} arrows. */
    public static String plantUml(List<LogEvent> events, boolean byThread, int maxArrows) {
        Map<String, String> alias = new LinkedHashMap<>();
        List<String> arrows = new java.util.ArrayList<>();
        List<Integer> times = new java.util.ArrayList<>();
        String prev = null;
        for (LogEvent e : events) {
            String p = participant(e, byThread);
            if (!alias.containsKey(p)) alias.put(p, alias(p, alias.values()));
            if (prev != null && (!prev.equals(p) || isProblem(e))) {
                String arrow = alias.get(prev) + (isProblem(e) ? " -[#red]> " : " -> ") + alias.get(p) + " : " + label(e);
                int seen = arrows.subList(Math.max(0, arrows.size() - RECENT), arrows.size()).lastIndexOf(arrow);
                if (seen >= 0) {
                    int i = Math.max(0, arrows.size() - RECENT) + seen;
                    times.set(i, times.get(i) + 1);
                } else {
                    if (arrows.size() >= maxArrows) break;
                    arrows.add(arrow);
                    times.add(1);
                }
            }
            prev = p;
        }
        StringBuilder b = new StringBuilder("@startuml\n");
        alias.forEach((name, a) -> b.append("participant \"").append(clean(name)).append("\" as ").append(a).append('\n'));
        for (int i = 0; i < arrows.size(); i++) {
            b.append(arrows.get(i)).append(times.get(i) > 1 ? " (x" + times.get(i) + ")" : "").append('\n');
        }
        b.append("@enduml\n");
        return b.toString();
    }

    /** A short, unique name: the last dotted part, letters, digits and underscores only. */
    static String alias(String name, java.util.Collection<String> taken) {
        String base = name.substring(name.lastIndexOf('.') + 1).replaceAll("[^A-Za-z0-9_]", "_");
        if (base.length() > 28) base = base.substring(0, 28);
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) base = "p_" + base;
        String a = base;
        for (int i = 2; taken.contains(a); i++) a = base + "_" + i;
        return a;
    }

    private static boolean isProblem(LogEvent e) {
        return e.level().equals("ERROR") || e.level().equals("FATAL");
    }

    private static String label(LogEvent e) {
        String t = e.template().isEmpty() ? e.message() : e.template();
        int nl = t.indexOf('\n');
        if (nl >= 0) t = t.substring(0, nl);
        if (t.length() > 60) t = t.substring(0, 60) + "…";
        return (e.templateId().isEmpty() ? "" : e.templateId() + " ") + clean(t);
    }

    private static String clean(String s) {
        return s.replace("\"", "'").replace("\\", "/");
    }

    /** Renders PlantUML text as SVG, PNG or UTXT (Unicode art for terminals). */
    public static byte[] render(String plantUml, FileFormat format) {
        ChartFiles.headless();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new SourceStringReader(plantUml).outputImage(out, new FileFormatOption(format));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
