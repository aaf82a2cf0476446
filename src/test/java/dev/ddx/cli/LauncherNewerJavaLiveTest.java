package dev.ddx.cli;

import dev.ddx.testing.Jdks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static dev.ddx.cli.LauncherLiveTest.Result;
import static dev.ddx.cli.LauncherLiveTest.archives;
import static dev.ddx.cli.LauncherLiveTest.files;
import static dev.ddx.cli.LauncherLiveTest.helloJar;
import static dev.ddx.cli.LauncherLiveTest.launch;
import static dev.ddx.cli.LauncherLiveTest.loadedFromArchive;
import static dev.ddx.cli.LauncherLiveTest.sparse;
import static dev.ddx.cli.LauncherLiveTest.usable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/ddx} with a Java 25 or later beside the tests' own (under {@code /usr/lib/jvm}, or
 * {@code -Dddx.java25.home}): each Java has its own archive, a big {@code logs} run trains an AOT
 * cache that later runs use, and without JAVA_HOME a big log runs on the newest Java found. Skipped
 * where there is no such Java. Run on the small jar of {@link LauncherLiveTest}, in a private cache.
 */
class LauncherNewerJavaLiveTest {
    @TempDir
    Path dir;

    @Test
    void onJava25ALogsRunOnABigFileTrainsAnAotCacheThatLaterLogsRunsUse() throws Exception {
        Path home = Jdks.atLeast(25).orElse(null);
        Assumptions.assumeTrue(home != null,
                "no Java 25 or later under /usr/lib/jvm (or -Dddx.java25.home=...): the launcher's AOT cache is not tried");
        Path jar = helloJar(dir.resolve("a/ddx.jar"));
        Path cache = dir.resolve("cache");
        Path small = Files.writeString(dir.resolve("small.log"), "2024-03-01 10:00:00,001 INFO x\n");
        Path big = sparse(dir.resolve("big.log"), 128L << 20);
        Result onSmall = launch(home, jar, cache, "logs", "x", small.toString());
        assertEquals("hello logs x " + small, onSmall.out().strip());
        assertFalse(onSmall.err().contains("AOT"), "a small file does not train: " + onSmall.err());
        assertEquals(List.of(), files(cache, ".aot"));

        Result failed = launch(home, jar, cache, "logs", "fail", big.toString());
        assertEquals(3, failed.exit(), "the command's own exit code");
        assertTrue(failed.err().contains("-XX:AOTMode=record"), failed.err());
        assertEquals(List.of(), files(cache, ".aot"), "a failed command trains nothing");

        Result training = launch(home, jar, cache, "logs", "y", big.toString());
        assertEquals(0, training.exit(), training.err());
        assertEquals("hello logs y " + big + "\n", training.out(), "nothing of the JVM's on stdout");
        assertTrue(training.err().contains("-XX:AOTMode=record"), training.err());
        List<Path> caches = files(cache, ".aot");
        assertEquals(1, caches.size());
        assertTrue(caches.get(0).getFileName().toString().matches("ddx-\\d+-\\d+-\\d+-logs-text-java" + Jdks.feature(home) + "[0-9.]*\\.aot"),
                caches.toString());
        assertEquals(List.of(), files(cache, ".tmp"));
        assertEquals(List.of(), files(cache, ".conf"));
        assertTrue(usable(home, jar, caches.get(0)), "the JVM takes the cache");

        Result using = launch(home, jar, cache, "logs", "z", small.toString());
        assertEquals("hello logs z " + small, using.out().strip());
        assertTrue(using.err().contains("-XX:AOTCache=" + caches.get(0)), using.err());
        assertFalse(launch(home, jar, cache, "x").err().contains("AOT"), "only logs commands");

        // a JSON log has a cache of its own, trained on the first big one
        Path json = Files.writeString(dir.resolve("small.json"), "{\"msg\":\"x\"}\n");
        Path bigJson = sparse(dir.resolve("big.json"), 128L << 20, (byte) '{');
        assertFalse(launch(home, jar, cache, "logs", "j", json.toString()).err().contains("AOTCache"), "no JSON cache yet");
        assertTrue(launch(home, jar, cache, "logs", "j", bigJson.toString()).err().contains("-XX:AOTMode=record"));
        List<Path> both = files(cache, ".aot");
        assertEquals(2, both.size(), both.toString());
        assertTrue(both.stream().anyMatch(c -> c.toString().contains("-logs-json-java")), both.toString());
        var gz = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.GZIPOutputStream(gz)) {
            z.write(Files.readAllBytes(json));
        }
        Path rotated = sparse(dir.resolve("big.json.1"), 13L << 20, gz.toByteArray()); // gzip, then bytes no reader gets to
        assertTrue(launch(home, jar, cache, "logs", "g", rotated.toString()).err().contains("-logs-json-java"), "gzipped JSON is JSON");
        Result onJson = launch(home, jar, cache, "logs", "j", json.toString(), small.toString());
        assertTrue(onJson.err().contains("-logs-json-java"), "the first file named tells the kind: " + onJson.err());
        assertTrue(launch(home, jar, cache, "logs", "t", small.toString(), json.toString()).err().contains("-logs-text-java"));
        assertFalse(launch(jar, cache, "logs", "z", big.toString()).err().contains("AOT"), "not on Java " + Runtime.version().feature());

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000)); // a rebuild
        Result rebuilt = launch(home, jar, cache, "logs", "w", small.toString());
        assertFalse(rebuilt.err().contains("AOT"), "the earlier build's cache is not used: " + rebuilt.err());
        assertEquals(List.of(), files(cache, ".aot"), "and both go when the new build's archive is made");
    }

    @Test
    void eachJavaHasAnArchiveOfItsOwn() throws Exception {
        Path home = Jdks.atLeast(25).orElse(null);
        Assumptions.assumeTrue(home != null, "no Java 25 or later under /usr/lib/jvm (or -Dddx.java25.home=...): one Java only");
        Path jar = helloJar(dir.resolve("a/ddx.jar"));
        Path cache = dir.resolve("cache");
        assertEquals("hello one", launch(jar, cache, "one").out().strip());
        List<Path> mine = archives(cache);
        assertEquals("hello two", launch(home, jar, cache, "two").out().strip());
        List<Path> both = archives(cache);
        assertEquals(2, both.size(), "a Java cannot use another's archive: " + both);
        Path theirs = both.stream().filter(a -> !mine.contains(a)).findFirst().orElseThrow();
        assertTrue(loadedFromArchive(home, jar, theirs), "the other Java's classes come from its own archive");
        assertTrue(loadedFromArchive(Path.of(System.getProperty("java.home")), jar, mine.get(0)));
        launch(jar, cache, "three");
        launch(home, jar, cache, "four");
        assertEquals(both, archives(cache), "and both are kept");
    }

    /** The {@code java} on the PATH switched to another Java (as update-alternatives does) is noticed as JAVA_HOME is. */
    @Test
    void aSwitchOfTheJavaOnThePathIsNoticed() throws Exception {
        Path home = Jdks.atLeast(25).orElse(null);
        Assumptions.assumeTrue(home != null, "no Java 25 or later under /usr/lib/jvm (or -Dddx.java25.home=...): one Java only");
        Path bin = Files.createDirectories(dir.resolve("alternatives"));
        Path java = bin.resolve("java");
        Files.createSymbolicLink(java, Path.of(System.getProperty("java.home"), "bin", "java"));
        Path jar = helloJar(dir.resolve("a/ddx.jar"));
        Path cache = dir.resolve("cache");
        assertEquals("hello one", launch(null, bin, jar, cache, "one").out().strip());
        List<Path> first = archives(cache);
        assertEquals(1, first.size(), first::toString);
        Files.delete(java);
        Files.createSymbolicLink(java, home.resolve("bin/java"));
        assertEquals("hello two", launch(null, bin, jar, cache, "two").out().strip());
        List<Path> both = archives(cache);
        assertEquals(2, both.size(), "the other Java made an archive of its own: " + both);
        Path theirs = both.stream().filter(a -> !first.contains(a)).findFirst().orElseThrow();
        assertTrue(loadedFromArchive(home, jar, theirs), "and loads its classes from it");
        Files.delete(java); // a link out of the test's directory, which JUnit warns of
    }

    /**
     * A big log runs on the newest Java 25 or later the launcher finds (under {@code $DDX_JDKS}, here a
     * directory of links) where JAVA_HOME names none and the PATH's is older; JAVA_HOME pins the Java.
     */
    @Test
    void aBigLogRunsOnTheNewestJavaFoundWhereJavaHomeNamesNone() throws Exception {
        Path home = Jdks.atLeast(25).orElse(null);
        Assumptions.assumeTrue(home != null, "no Java 25 or later under /usr/lib/jvm (or -Dddx.java25.home=...): one Java only");
        Path own = Path.of(System.getProperty("java.home"));
        Assumptions.assumeTrue(Jdks.feature(own) < 25, "the tests' own Java is 25 or later: no older Java to start from");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("java"), own.resolve("bin/java"));
        Path jdks = Files.createDirectories(dir.resolve("jdks"));
        Files.createSymbolicLink(jdks.resolve("newer"), home);
        Files.createSymbolicLink(jdks.resolve("older"), own);
        Files.createDirectories(jdks.resolve("broken/bin")); // no java, no release file
        Path jar = helloJar(dir.resolve("a/ddx.jar"));
        Path cache = dir.resolve("cache");
        Path small = Files.writeString(dir.resolve("small.log"), "2024-03-01 10:00:00,001 INFO x\n");
        Path big = sparse(dir.resolve("big.log"), 128L << 20);
        Map<String, String> env = Map.of("DDX_JDKS", jdks.toString());
        String older = "java: " + Jdks.feature(own);
        String newer = "java: " + Jdks.feature(home);

        Result onBig = launch(null, bin, env, jar, cache, "logs", "summarize", big.toString());
        assertEquals(0, onBig.exit(), onBig.err());
        assertEquals("hello logs summarize " + big, onBig.out().strip());
        assertTrue(onBig.err().contains(newer), onBig.err());
        assertTrue(onBig.err().contains("-XX:AOTMode=record"), "and trains its cache: " + onBig.err());
        assertTrue(launch(null, bin, env, jar, cache, "logs", "summarize", small.toString()).err().contains(older), "a small log: the PATH's Java");
        assertTrue(launch(null, bin, env, jar, cache, "summarize", big.toString()).err().contains(older), "only logs commands");
        assertTrue(launch(own, bin, env, jar, cache, "logs", "summarize", big.toString()).err().contains(older), "JAVA_HOME pins it");
        Result noNewer = launch(null, bin, Map.of("DDX_JDKS", Files.createDirectories(dir.resolve("none")).toString()), jar, cache,
                "logs", "summarize", big.toString());
        assertEquals(0, noNewer.exit(), noNewer.err());
        assertTrue(noNewer.err().contains(older), "none newer: the PATH's Java " + noNewer.err());
        for (Path link : List.of(bin.resolve("java"), jdks.resolve("newer"), jdks.resolve("older"))) Files.delete(link); // links out of the test's directory
    }
}
