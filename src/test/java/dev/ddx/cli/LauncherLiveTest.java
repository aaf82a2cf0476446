package dev.ddx.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/ddx} runs the jar with a class-data archive it makes on the first run (that holds the
 * jar's own classes), keeps one archive per jar (a rebuilt jar's new archive replaces the old one,
 * 12–15 MB each; a deleted jar's goes too), chooses the compiler by the size of the logs, and says
 * what to do when the jar is missing. Run on a small jar of a hello-world class, in a private cache;
 * {@link LauncherNewerJavaLiveTest} runs it with a Java 25 or later beside this one.
 */
class LauncherLiveTest {
    /** The jar's main class. */
    public static final class Hello {
        public static void main(String[] args) {
            System.out.println("hello " + String.join(" ", args));
            System.err.println("jvm: " + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
            System.err.println("java: " + Runtime.version().feature());
            if (List.of(args).contains("fail")) System.exit(3);
        }
    }

    @TempDir
    Path dir;

    @Test
    void keepsOneArchivePerJarAndReplacesItWhenTheJarIsRebuilt() throws Exception {
        Path jar = helloJar(dir.resolve("a/ddx.jar"));
        Path cache = dir.resolve("cache");
        Files.createDirectories(cache.resolve("ddx"));
        Path legacy = Files.writeString(cache.resolve("ddx/ddx-1795247860-35098841.jsa"), "an archive named the old way");

        Result first = launch(jar, cache, "one");
        assertEquals(0, first.exit(), first.err());
        assertEquals("hello one", first.out().strip());
        List<Path> archives = archives(cache);
        assertEquals(1, archives.size(), "the first run makes the archive, and removes one named the old way: " + archives);
        assertTrue(Files.notExists(legacy));
        assertTrue(loadedFromArchive(jar, archives.get(0)), "the jar's main class is in the archive");

        Result again = launch(jar, cache, "two");
        assertEquals("hello two", again.out().strip());
        assertEquals(archives, archives(cache), "the archive is reused while the jar stays the same");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000)); // a rebuild
        Result rebuilt = launch(jar, cache, "three");
        assertEquals("hello three", rebuilt.out().strip());
        List<Path> after = archives(cache);
        assertEquals(1, after.size(), "the earlier build's archive is removed: " + after);
        assertNotEquals(archives, after);

        assertEquals("hello logs x", launch(jar, cache, "logs", "x").out().strip());
        List<Path> withLogs = archives(cache);
        assertEquals(2, withLogs.size(), "`logs` commands have an archive of their own: " + withLogs);
        assertTrue(withLogs.containsAll(after));
        assertEquals("hello logs y", launch(jar, cache, "logs", "y").out().strip());
        assertEquals(withLogs, archives(cache));
        after = withLogs;

        Path other = helloJar(dir.resolve("b/ddx.jar")); // another checkout keeps its own
        assertEquals("hello four", launch(other, cache, "four").out().strip());
        assertEquals(3, archives(cache).size());
        assertTrue(archives(cache).containsAll(after));

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertEquals("hello five", launch(jar, cache, "five").out().strip());
        assertEquals(2, archives(cache).size(), "both archives of the earlier build go: " + archives(cache));

        Files.delete(other); // a checkout deleted: its archive goes when the next one is made
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertEquals("hello six", launch(jar, cache, "six").out().strip());
        assertEquals(1, archives(cache).size(), archives(cache).toString());
        assertEquals(List.of(cache.resolve("ddx/ddx-" + archives(cache).get(0).getFileName().toString().split("-")[1] + ".path")),
                files(cache, ".path"), "the jar's path is kept beside its archive");
    }

    /** gzip's magic bytes. */
    static final byte[] GZIP = {0x1f, (byte) 0x8b};

    @Test
    void theSizeOfTheLogsChoosesTheCompiler() throws Exception {
        Path jar = helloJar(dir.resolve("a/ddx.jar"));
        Path cache = dir.resolve("cache");
        Path small = Files.writeString(dir.resolve("small.log"), "2024-03-01 10:00:00,001 INFO x\n");
        Path big = sparse(dir.resolve("big.log"), 64L << 20);
        Path other = sparse(dir.resolve("other.log"), 64L << 20);
        Path gz = sparse(dir.resolve("old.log.gz"), 13L << 20, GZIP);
        Path rotated = sparse(dir.resolve("old.log.1"), 13L << 20, GZIP);
        Path namedGz = sparse(dir.resolve("plain.log.gz"), 13L << 20);
        String c1 = "-XX:TieredStopAtLevel=1";
        String second = "-XX:CICompilerCount=3";
        Result first = launch(jar, cache, "logs", "summarize", small.toString());
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.err().contains(c1) && first.err().contains("-XX:+UseParallelGC"), "a small log: the client compiler " + first.err());
        Result onBig = launch(jar, cache, "logs", "summarize", "--format", "json", small.toString(), big.toString());
        assertEquals("hello logs summarize --format json " + small + " " + big, onBig.out().strip());
        assertTrue(onBig.err().contains(c1), "64 MiB in all is still small: " + onBig.err());
        Result onBoth = launch(jar, cache, "logs", "summarize", big.toString(), other.toString());
        assertFalse(onBoth.err().contains(c1), "128 MiB: the optimising compiler " + onBoth.err());
        assertTrue(onBoth.err().contains("-XX:Tier4InvocationThreshold=50000") && onBoth.err().contains(second), onBoth.err());
        Result onGz = launch(jar, cache, "logs", "summarize", gz.toString());
        assertFalse(onGz.err().contains(c1), "a gzipped file counts ten times its size: " + onGz.err());
        assertFalse(onGz.err().contains(second), "and is read by one reader: " + onGz.err());
        assertFalse(launch(jar, cache, "logs", "summarize", rotated.toString()).err().contains(c1), "gzip is told by its bytes, not its name");
        Path xz = sparse(dir.resolve("old.log.2"), 13L << 20, (byte) 0xfd, (byte) '7', (byte) 'z', (byte) 'X', (byte) 'Z', (byte) 0);
        assertFalse(launch(jar, cache, "logs", "summarize", xz.toString()).err().contains(c1), "and xz too");
        assertTrue(launch(jar, cache, "logs", "summarize", namedGz.toString()).err().contains(c1), "a plain file named .gz is its size");
        for (String[] unknown : new String[][] {{"-"}, {"--loki", "http://localhost:3100", "--query", "{app=\"x\"}"}, {"x*.log"}}) {
            List<String> args = new java.util.ArrayList<>(List.of("logs", "summarize"));
            args.addAll(List.of(unknown));
            Result r = launch(jar, cache, args.toArray(String[]::new));
            assertFalse(r.err().contains(c1), "of unknown size: the optimising compiler " + args + " " + r.err());
        }
        Result notLogs = launch(jar, cache, "summarize", big.toString(), other.toString());
        assertTrue(notLogs.err().contains(c1) && notLogs.err().contains("-XX:+UseSerialGC"), "only logs commands: " + notLogs.err());
    }

    /** A file of this length that starts with these bytes (none: 0, not a JSON log), with no more disk written. */
    static Path sparse(Path file, long length, byte... start) throws IOException {
        try (var f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.write(start);
            f.setLength(length);
        }
        return file;
    }

    @Test
    void withNowhereToKeepAnArchiveItRunsWithoutOneAndSaysNothing() throws Exception {
        Path jar = helloJar(dir.resolve("a/ddx.jar"));
        Path notADirectory = Files.writeString(dir.resolve("file"), "a file where the cache would be");
        for (String kind : new String[] {"x", "logs"}) {
            Result r = launch(jar, notADirectory.resolve("cache"), kind);
            assertEquals(0, r.exit(), r.err());
            assertEquals("hello " + kind, r.out().strip());
            assertFalse(r.err().toLowerCase(java.util.Locale.ROOT).contains("warning"), r.err());
        }
    }

    @Test
    void aMissingJarIsOneLineSayingHowToBuildIt() throws Exception {
        Result r = launch(dir.resolve("none/ddx.jar"), dir.resolve("cache"), "x");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("does not exist") && r.err().contains("mvn -B -q package -DskipTests"), r.err());
        assertEquals("", r.out());
    }

    record Result(int exit, String out, String err) {
    }

    static Result launch(Path jar, Path cache, String... args) throws IOException, InterruptedException {
        return launch(Path.of(System.getProperty("java.home")), jar, cache, args);
    }

    static Result launch(Path javaHome, Path jar, Path cache, String... args) throws IOException, InterruptedException {
        return launch(javaHome, null, jar, cache, args);
    }

    static Result launch(Path javaHome, Path path, Path jar, Path cache, String... args) throws IOException, InterruptedException {
        return launch(javaHome, path, Map.of(), jar, cache, args);
    }

    /**
     * The launcher with this JAVA_HOME (null: none), {@code path} first on the PATH (null: the PATH as
     * it is), and these other variables set; {@code DDX_JDKS} is unset unless given.
     */
    static Result launch(Path javaHome, Path path, Map<String, String> env, Path jar, Path cache, String... args)
            throws IOException, InterruptedException {
        Path launcher = Path.of(System.getProperty("ddx.project.dir", "."), "bin", "ddx");
        List<String> command = new java.util.ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("DDX_JAR", jar.toString());
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().remove("DDX_JAVA_OPTS");
        pb.environment().remove("DDX_JDKS");
        pb.environment().putAll(env);
        if (javaHome != null) pb.environment().put("JAVA_HOME", javaHome.toString());
        else pb.environment().remove("JAVA_HOME");
        if (path != null) pb.environment().put("PATH", path + java.io.File.pathSeparator + System.getenv("PATH"));
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bin/ddx did not finish");
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** Whether a run of the jar with this archive (which must be usable) loads the main class from it. */
    static boolean loadedFromArchive(Path jar, Path archive) throws IOException, InterruptedException {
        return loadedFromArchive(Path.of(System.getProperty("java.home")), jar, archive);
    }

    static boolean loadedFromArchive(Path javaHome, Path jar, Path archive) throws IOException, InterruptedException {
        Path javaBin = javaHome.resolve("bin/java");
        Process p = new ProcessBuilder(javaBin.toString(), "-Xshare:on", "-XX:SharedArchiveFile=" + archive,
                "-Xlog:class+load=info", "-jar", jar.toString(), "x").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "java did not finish");
        assertEquals(0, p.exitValue(), out);
        return out.lines().anyMatch(l -> l.contains(" " + Hello.class.getName() + " source: shared objects file"));
    }

    /** Whether the JVM at this home runs the jar with this AOT cache when told it must use it. */
    static boolean usable(Path javaHome, Path jar, Path cache) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(javaHome.resolve("bin/java").toString(), "-XX:AOTMode=on", "-XX:AOTCache=" + cache,
                "-jar", jar.toString(), "x").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "java did not finish");
        return p.exitValue() == 0 && out.contains("hello x");
    }

    static List<Path> archives(Path cache) throws IOException {
        return files(cache, ".jsa");
    }

    static List<Path> files(Path cache, String suffix) throws IOException {
        Path d = cache.resolve("ddx");
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** A jar whose main class is {@link Hello}, from the compiled test class. */
    static Path helloJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        String entry = Hello.class.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (var in = Hello.class.getClassLoader().getResourceAsStream(entry)) {
            bytes = in.readAllBytes();
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Hello.class.getName());
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o, m)) {
            j.putNextEntry(new JarEntry(entry));
            j.write(bytes);
            j.closeEntry();
        }
        return jar;
    }
}
