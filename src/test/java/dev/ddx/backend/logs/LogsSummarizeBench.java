package dev.ddx.backend.logs;

import dev.ddx.testing.Jdks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code ddx logs summarize} on a generated log of about {@code ddx.bench.mb} MiB (default 1024,
 * ≈10M lines with stack traces), in a child JVM so its peak RSS can be measured: as
 * {@code java -Xmx256m} with the test classes, and through {@code bin/ddx} when the jar is built (on
 * this JVM's Java, and on Java 25 or later where there is one: see {@link Jdks}, where the launcher
 * trains an AOT cache), beside {@code grep -c ERROR} on the same file, in {@code ddx.bench.runs} rounds (default 3: this
 * machine's speed changes from minute to minute). Prints the figures; asserts nothing about time.
 */
@Tag("bench")
class LogsSummarizeBench {
    static final String HEAP = "-Xmx256m";

    @Test
    void summarizeThroughputAndPeakRssBesideGrep() throws Exception {
        long mb = Long.getLong("ddx.bench.mb", 1024);
        Path dir = Path.of(System.getProperty("ddx.project.dir", "."), "target", "bench-logs");
        Files.createDirectories(dir);
        Path log = dir.resolve("bench-" + mb + "m-v2.log"); // v2: about 10M lines per GiB, as the target is stated
        if (!Files.exists(log) || Files.size(log) < mb * 1024 * 1024) generate(log, mb * 1024 * 1024);
        long bytes = Files.size(log);
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/time")) || Files.isDirectory(Path.of("/proc/self")),
                "no way to measure peak RSS here");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path project = Path.of(System.getProperty("ddx.project.dir", "."));
        Path launcher = project.resolve("bin/ddx");
        boolean viaLauncher = Files.isExecutable(launcher) && Files.isRegularFile(project.resolve("target/ddx.jar"));
        String home = System.getProperty("java.home");
        Optional<Path> newer = viaLauncher ? Jdks.atLeast(25).filter(h -> Jdks.feature(h) > Runtime.version().feature()) : Optional.empty();
        if (viaLauncher) {
            // the launcher makes its class-data archives on the first run of each kind (logs commands have their
            // own); on Java 25 and later, the first logs run on a file of 64 MiB or more trains its AOT cache
            List<String> help = List.of(launcher.toString(), "--help");
            List<String> warm = List.of(launcher.toString(), "logs", "summarize", "--format", "json", warmUp(log, dir).toString());
            run(help, home);
            run(warm, home);
            if (newer.isPresent()) {
                run(help, newer.get().toString());
                run(warm, newer.get().toString());
            }
        }
        double mib = bytes / 1048576.0;
        double megabytes = bytes / 1e6; // the target's unit: 10^6 bytes
        System.out.printf("file: %s, %.0f MiB (%.0f MB), %d lines%n", log, mib, megabytes, lines > 0 ? lines : countLines(log));
        // rounds of all three, one after the other, so that each round's ratio to grep is taken at one machine speed
        int rounds = Math.max(1, Integer.getInteger("ddx.bench.runs", 3));
        List<Double> launcherWall = new ArrayList<>();
        List<Double> launcherRatio = new ArrayList<>();
        List<Double> newerWall = new ArrayList<>();
        List<Double> newerRatio = new ArrayList<>();
        String javaName = "Java " + Runtime.version().feature();
        String newerName = newer.map(h -> "Java " + Jdks.feature(h)).orElse("");
        for (int round = 1; round <= rounds; round++) {
            Run ddx = run(List.of(java, HEAP, "-cp", cp, "dev.ddx.cli.Ddx", "logs", "summarize", "--format", "json", log.toString()), home);
            Run grep = run(List.of("grep", "-c", "ERROR", log.toString()), home);
            List<String> summarize = List.of(launcher.toString(), "logs", "summarize", "--format", "json", log.toString());
            Run viaBin = viaLauncher ? run(summarize, home) : null;
            Run viaNewer = newer.isPresent() ? run(summarize, newer.get().toString()) : null;
            System.out.printf("round %d of %d; load average: %s%n", round, rounds, Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.printf("  ddx logs summarize: %.2f s wall, %.1f s cpu, %.0f MB/s = %.0f MiB/s (wall), %.0f MiB/s (cpu), peak RSS %d MiB, exit %d%n",
                    ddx.wallSeconds, ddx.cpuSeconds, megabytes / ddx.wallSeconds, mib / ddx.wallSeconds,
                    mib / Math.max(0.01, ddx.cpuSeconds), ddx.peakKb / 1024, ddx.exit);
            for (Run via : new Run[] {viaBin, viaNewer}) {
                if (via == null) continue;
                System.out.printf("  bin/ddx logs summarize, %s: %.2f s wall, %.1f s cpu, %.0f MB/s = %.0f MiB/s (wall), peak RSS %d MiB, exit %d%n",
                        via == viaBin ? javaName : newerName, via.wallSeconds, via.cpuSeconds, megabytes / via.wallSeconds,
                        mib / via.wallSeconds, via.peakKb / 1024, via.exit);
                (via == viaBin ? launcherWall : newerWall).add(via.wallSeconds);
                (via == viaBin ? launcherRatio : newerRatio).add(via.wallSeconds / grep.wallSeconds);
            }
            System.out.printf("  grep -c ERROR:      %.2f s wall, %.0f MB/s = %.0f MiB/s, peak RSS %d MiB%n",
                    grep.wallSeconds, megabytes / grep.wallSeconds, mib / grep.wallSeconds, grep.peakKb / 1024);
            System.out.printf("  ratio to grep (wall): java %.1fx%s%s%n", ddx.wallSeconds / grep.wallSeconds,
                    viaBin == null ? "" : String.format(", bin/ddx on %s %.1fx", javaName, viaBin.wallSeconds / grep.wallSeconds),
                    viaNewer == null ? "" : String.format(", on %s %.1fx", newerName, viaNewer.wallSeconds / grep.wallSeconds));
        }
        if (viaLauncher) {
            for (boolean onNewer : new boolean[] {false, true}) {
                List<Double> walls = onNewer ? newerWall : launcherWall;
                if (walls.isEmpty()) continue;
                double best = walls.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                double median = median(walls);
                long met = walls.stream().filter(w -> megabytes / w >= 300).count();
                System.out.printf("bin/ddx on %s over %d rounds: best %.2f s (%.0f MB/s), median %.2f s (%.0f MB/s), "
                                + "median ratio to grep %.1fx, %d of %d rounds at 300 MB/s or more%n",
                        onNewer ? newerName : javaName, rounds, best, megabytes / best, median, megabytes / median,
                        median(onNewer ? newerRatio : launcherRatio), met, rounds);
            }
            if (newer.isEmpty()) System.out.println("bin/ddx on Java 25 not measured: none under /usr/lib/jvm (or -Dddx.java25.home=...)");
            else System.out.println("without JAVA_HOME, bin/ddx runs a log this size on the newest Java 25 or later under /usr/lib/jvm");
        } else {
            System.out.println("bin/ddx not measured: build target/ddx.jar first (mvn -B -q package -DskipTests)");
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * The log's first 1,500,000 lines (about 150 MB: enough for the optimising compiler, 128 MiB, and
     * read in chunks), for the launcher's first logs run, which trains the AOT cache on Java 25.
     */
    static Path warmUp(Path log, Path dir) throws IOException {
        Path warm = dir.resolve(log.getFileName() + ".warm-up-1500k");
        if (Files.exists(warm)) return warm;
        Files.deleteIfExists(dir.resolve(log.getFileName() + ".warm-up")); // the 700,000 lines of earlier versions
        try (var in = Files.newBufferedReader(log); var out = Files.newBufferedWriter(warm)) {
            String line;
            for (int i = 0; i < 1_500_000 && (line = in.readLine()) != null; i++) out.append(line).append('\n');
        }
        return warm;
    }

    static long lines;

    static long countLines(Path log) throws IOException {
        try (var in = Files.newBufferedReader(log)) {
            return in.lines().count();
        }
    }

    record Run(double wallSeconds, double cpuSeconds, long peakKb, int exit) {
    }

    /** Runs under /usr/bin/time -v (peak RSS = "Maximum resident set size") with this JAVA_HOME, output discarded. */
    static Run run(List<String> command, String javaHome) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-v"));
        cmd.addAll(command);
        Path err = Files.createTempFile("bench", ".time");
        long t0 = System.nanoTime();
        // not DISCARD: grep stops at the first match when its output is /dev/null
        Path out = Files.createTempFile("bench", ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", javaHome);
        pb.environment().remove("DDX_JAVA_OPTS");
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        double cpu = 0;
        for (String l : Files.readAllLines(err)) {
            String s = l.strip();
            if (s.startsWith("Maximum resident set size (kbytes):")) peak = Long.parseLong(s.substring(s.lastIndexOf(' ') + 1));
            if (s.startsWith("User time (seconds):") || s.startsWith("System time (seconds):")) cpu += Double.parseDouble(s.substring(s.lastIndexOf(' ') + 1));
        }
        if (p.exitValue() != 0) System.out.println("failed: " + command + "\n" + Files.readString(err));
        Files.deleteIfExists(err);
        Files.deleteIfExists(out);
        return new Run(wall, cpu, peak, p.exitValue());
    }

    /** A service log: ten threads, INFO/DEBUG/WARN lines with numbers, an ERROR with a Java stack trace every thousand. */
    static void generate(Path log, long size) throws IOException {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
        LocalDateTime t0 = LocalDateTime.of(2024, 3, 1, 10, 0);
        long written = 0;
        long i = 0;
        lines = 0;
        try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            StringBuilder b = new StringBuilder(512);
            while (written < size) {
                b.setLength(0);
                String ts = f.format(t0.plusNanos(i * 7_000_000L));
                String th = i % 10 < 8 ? "http-nio-8080-exec-" + (i % 10) : (i % 10 == 8 ? "main" : "queue-poller");
                long r = i % 1000;
                if (r == 999) {
                    b.append(ts).append(" ERROR [").append(th).append("] com.shop.orders.OrderService: order ").append(i).append(" failed\n")
                            .append("java.lang.IllegalStateException: cannot ship order ").append(i).append('\n')
                            .append("\tat com.shop.orders.OrderService.ship(OrderService.java:88)\n")
                            .append("\tat com.shop.orders.OrderService.process(OrderService.java:40)\n")
                            .append("\tat java.base/java.lang.Thread.run(Thread.java:833)\n")
                            .append("Caused by: java.sql.SQLTransientConnectionException: pool exhausted\n")
                            .append("\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:213)\n")
                            .append("\t... 3 more\n");
                    lines += 8;
                } else if (r % 10 == 0) {
                    b.append(ts).append(" WARN  [").append(th).append("] com.shop.cache.CacheManager: heap used ").append(200 + i / 10000)
                            .append(" MB, evicting ").append(r).append(" entries\n");
                    lines++;
                } else if (r % 3 == 0) {
                    b.append(ts).append(" INFO  [").append(th).append("] com.shop.http.RequestLogger: GET /api/orders/").append(i)
                            .append(" 200 took ").append(r % 97).append(" ms\n");
                    lines++;
                } else {
                    b.append(ts).append(" DEBUG [").append(th).append("] com.shop.queue.WorkQueue: queue size ").append(r % 50)
                            .append(" pending ").append(i % 13).append('\n');
                    lines++;
                }
                w.append(b);
                written += b.length();
                i++;
            }
        }
    }
}
