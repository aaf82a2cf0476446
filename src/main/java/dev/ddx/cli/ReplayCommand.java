package dev.ddx.cli;

import dev.ddx.catalog.Catalog;
import dev.ddx.error.DdxException;
import dev.ddx.error.ExitCodes;
import dev.ddx.error.UsageException;
import dev.ddx.event.SessionEvent;
import dev.ddx.transcript.ReplayEngine;
import dev.ddx.transcript.Transcript;
import dev.ddx.transcript.TranscriptComparator;
import dev.ddx.transcript.TranscriptHeader;
import dev.ddx.transcript.TranscriptMasks;
import dev.ddx.transcript.TranscriptReader;
import dev.ddx.transcript.TranscriptStoryRenderer;
import dev.ddx.transcript.TranscriptWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ddx replay FILE…}: runs recorded sessions again and says whether ddx still finds and
 * answers the same (exit 0), drifted (exit 1, with a diff), or could not read a transcript
 * (exit 2). {@code --explain} tells a transcript as a story instead.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Replay recorded transcripts as regression tests: same tool calls, findings and answers?",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every transcript replayed equivalent to its recording (or was re-recorded, or explained)",
                "  1  drift: a replay differs from its recording (the diff is printed)",
                "  2  usage: a missing or malformed transcript, or --live where the target cannot be rebuilt"})
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Transcripts (JSONL) to replay.")
    List<Path> files;

    @Option(names = "--live", description = "Run the real debugger on the rebuilt target (compile and run the "
            + "program again, rerun the script) instead of answering from the recorded debugger output.")
    boolean live;

    @Option(names = "--update", description = "Re-record: write what this replay produced over the transcript.")
    boolean update;

    @Option(names = "--explain", description = "Print each transcript as a readable story; replay nothing.")
    boolean explain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (explain && (live || update)) throw new UsageException("--explain replays nothing", "drop --live and --update");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // a rebuilt Python program's own output is not ddx's to print
        String stdio = System.getProperty("ddx.pdb.stdio");
        if (live && stdio == null) System.setProperty("ddx.pdb.stdio", "discard");
        try {
            return replayAll(out, err);
        } finally {
            if (live && stdio == null) System.clearProperty("ddx.pdb.stdio");
        }
    }

    private int replayAll(PrintWriter out, PrintWriter err) {
        int worst = ExitCodes.OK;
        for (Path f : files) {
            int code;
            try {
                code = explain ? explain(f, out, err) : replay(f, out, err);
            } catch (DdxException ex) {
                err.println("ddx: " + ex.getMessage());
                if (!ex.hint().isEmpty()) err.println("  " + ex.hint());
                code = ex.exitCode();
            }
            worst = severity(code) > severity(worst) ? code : worst;
        }
        out.flush();
        err.flush();
        return worst;
    }

    private static int severity(int code) {
        return code == ExitCodes.OK ? 0 : code == ExitCodes.FAILURE ? 1 : 2;
    }

    private int explain(Path f, PrintWriter out, PrintWriter err) {
        Transcript t = read(f, err);
        out.print(new TranscriptStoryRenderer().render(t));
        return ExitCodes.OK;
    }

    private int replay(Path f, PrintWriter out, PrintWriter err) {
        Transcript t = read(f, err);
        ReplayEngine engine = ReplayRunners.engine(f, Clock.systemUTC());
        if (live) {
            engine.liveUnavailable(t).ifPresent(why -> {
                throw new UsageException("cannot replay " + f + " live: " + why, "replay it from the recording (without --live)");
            });
        }
        ReplayEngine.Result r = engine.replay(t, live);
        TranscriptComparator.Comparison c = r.comparison();
        String how = live ? "live" : "from the recording";
        if (update) {
            rerecord(t, r, engine.projectDir());
            out.println(f + ": re-recorded " + how + (c.equivalent() ? " (no change)" : " (" + c.changedLines() + " lines changed)"));
            return ExitCodes.OK;
        }
        if (c.equivalent()) {
            out.println(f + ": equivalent (" + how + "; " + summary(t) + ")");
            return ExitCodes.OK;
        }
        out.println(f + ": DRIFT (" + how + "; " + c.changedLines() + " lines differ)");
        out.println("--- recorded");
        out.println("+++ replay");
        c.diff().forEach(out::println);
        return ExitCodes.FAILURE;
    }

    private static Transcript read(Path f, PrintWriter err) {
        Transcript t = TranscriptReader.read(f);
        t.warnings().forEach(w -> err.println("ddx: warning: " + w));
        return t;
    }

    private static String summary(Transcript t) {
        return count(t.events(SessionEvent.ToolCall.class).size(), "tool call") + ", "
                + count(t.events(SessionEvent.FindingRaised.class).size(), "finding") + ", "
                + count(t.events(SessionEvent.Answer.class).size(), "answer");
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static void rerecord(Transcript t, ReplayEngine.Result r, Path projectDir) {
        TranscriptHeader old = t.header();
        String catalog;
        try {
            catalog = Catalog.load().version();
        } catch (RuntimeException e) {
            catalog = old.catalogVersion();
        }
        SessionEvent.Started now = new SessionEvent.Started(Clock.systemUTC().instant(), Ddx.Version.current(),
                old.mode(), old.target(), old.model(), catalog);
        try (TranscriptWriter w = TranscriptWriter.open(t.file(), old.withStarted(now), TranscriptMasks.session(projectDir))) {
            r.events().forEach(w::on);
        }
    }
}
