package dev.ddx.backend.logs.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns command-line source names into sources: a file, a glob ({@code logs/*.log},
 * {@code logs/**}{@code /*.gz}) expanded in name order, or {@code -} for stdin. Names that match
 * nothing are collected in {@link Resolved#missing()} rather than stopping the others.
 */
public final class SourceResolver {
    private SourceResolver() {
    }

    /**
     * What the names resolved to, the names that matched no readable file, and the files packed in a
     * way ddx does not unpack (see {@link Compression}).
     */
    public record Resolved(List<LogSource> sources, List<String> missing, List<Compression.Refused> refused) {
    }

    public static Resolved resolve(List<String> names, InputStream stdin) {
        List<LogSource> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Compression.Refused> refused = new ArrayList<>();
        for (String name : names) {
            if (name.equals("-")) {
                out.add(new StdinSource(stdin));
            } else if (isGlob(name)) {
                List<Path> matched = glob(name);
                if (matched.isEmpty()) missing.add(name);
                matched.forEach(p -> add(p, out, missing, refused));
            } else {
                Path p = Path.of(name);
                if (Files.isRegularFile(p) && Files.isReadable(p)) add(p, out, missing, refused);
                else missing.add(name);
            }
        }
        return new Resolved(out, missing, refused);
    }

    private static void add(Path file, List<LogSource> out, List<String> missing, List<Compression.Refused> refused) {
        try {
            Compression c = Compression.of(file);
            if (c.readable()) out.add(new FileSource(file));
            else refused.add(new Compression.Refused(c, file.toString()));
        } catch (IOException e) {
            missing.add(file.toString());
        }
    }

    static boolean isGlob(String name) {
        return name.contains("*") || name.contains("?") || name.contains("[") || name.contains("{");
    }

    static List<Path> glob(String pattern) {
        int cut = 0;
        String[] parts = pattern.split("/", -1);
        StringBuilder base = new StringBuilder();
        for (String part : parts) {
            if (isGlob(part)) break;
            cut++;
            base.append(part).append('/');
        }
        Path root = base.length() == 0 ? Path.of(".") : Path.of(base.length() == 1 ? "/" : base.substring(0, base.length() - 1));
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        boolean relative = base.length() == 0;
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) return out;
        try (Stream<Path> walk = Files.walk(root, pattern.contains("**") ? Integer.MAX_VALUE : parts.length - cut)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> m.matches(relative ? root.relativize(p) : p))
                    .sorted()
                    .forEach(out::add);
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }
}
