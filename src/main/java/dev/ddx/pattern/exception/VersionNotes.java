package dev.ddx.pattern.exception;

import dev.ddx.model.InputInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a backend tells the not-my-version detector about pinned versions and modules loaded from
 * an unexpected place: one line each in {@link InputInfo#notes()}, in the two forms below. The
 * lines read well in a report as they are.
 *
 * <pre>
 * pinned requests==2.31.0, installed 2.28.1
 * pinned flask==3.0.0, not installed
 * unexpected path: module json loaded from /srv/app/json.py, which hides the standard library module
 * </pre>
 */
public final class VersionNotes {
    private static final String PINNED = "pinned ";
    private static final String INSTALLED = ", installed ";
    private static final String MISSING = ", not installed";
    private static final String SHADOW = "unexpected path: module ";
    private static final String FROM = " loaded from ";
    private static final String HIDES = ", which hides ";

    private VersionNotes() {
    }

    /** A pinned distribution and what is installed. */
    public record Pin(String distribution, String pinned, Optional<String> installed) {
        public boolean differs() {
            return installed.map(v -> !v.equals(pinned)).orElse(true);
        }
    }

    /** A module loaded from a place other than where it was expected. */
    public record Shadow(String module, String path, String hidden) {
    }

    public static String pin(String distribution, String pinned, Optional<String> installed) {
        return PINNED + distribution + "==" + pinned + installed.map(v -> INSTALLED + v).orElse(MISSING);
    }

    public static String shadow(String module, String path, String hidden) {
        return SHADOW + module + FROM + path + HIDES + hidden;
    }

    public static List<Pin> pins(InputInfo input) {
        List<Pin> out = new ArrayList<>();
        for (String n : input.notes()) {
            if (!n.startsWith(PINNED) || !n.contains("==")) continue;
            String rest = n.substring(PINNED.length());
            int eq = rest.indexOf("==");
            int comma = rest.indexOf(", ", eq);
            if (comma < 0) continue;
            String dist = rest.substring(0, eq);
            String pinned = rest.substring(eq + 2, comma);
            String tail = rest.substring(comma);
            Optional<String> installed = tail.startsWith(INSTALLED)
                    ? Optional.of(tail.substring(INSTALLED.length())) : Optional.empty();
            out.add(new Pin(dist, pinned, installed));
        }
        return out;
    }

    public static List<Shadow> shadows(InputInfo input) {
        List<Shadow> out = new ArrayList<>();
        for (String n : input.notes()) {
            if (!n.startsWith(SHADOW)) continue;
            String rest = n.substring(SHADOW.length());
            int from = rest.indexOf(FROM);
            int hides = rest.lastIndexOf(HIDES);
            if (from < 0 || hides < from) continue;
            out.add(new Shadow(rest.substring(0, from), rest.substring(from + FROM.length(), hides),
                    rest.substring(hides + HIDES.length())));
        }
        return out;
    }
}
