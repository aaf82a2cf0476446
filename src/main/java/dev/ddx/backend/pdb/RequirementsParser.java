package dev.ddx.backend.pdb;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the exact pins of a requirements file ({@code name==version}, extras and environment
 * markers allowed); ranges, URLs, options and comments are not pins and are skipped.
 */
public final class RequirementsParser {
    private static final Pattern PIN = Pattern.compile(
            "^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(?:\\[[^]]*])?\\s*===?\\s*([A-Za-z0-9][A-Za-z0-9.+!_-]*)\\s*(?:;.*)?$");

    private RequirementsParser() {
    }

    /** Distribution name (normalised: lower case, runs of -_. as -) to pinned version, in file order. */
    public static Map<String, String> pins(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String raw : text.split("\\R")) {
            String line = raw.replaceFirst("\\s+#.*$", "").strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("-")) continue;
            Matcher m = PIN.matcher(line);
            if (m.matches()) out.put(normalise(m.group(1)), m.group(2));
        }
        return out;
    }

    /** The canonical form of a distribution name. */
    public static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
