package dev.ddx.cli;

import dev.ddx.error.DdxException;
import dev.ddx.error.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** The {@code ddx} command: the entry point and the map from every outcome to an exit code. */
@Command(name = "ddx",
        mixinStandardHelpOptions = true,
        versionProvider = Ddx.Version.class,
        description = "A debugging assistant: crashes, hangs, dumps and logs, explained with evidence.",
        subcommands = {
                SummarizeCommand.class,
                DemoCommand.class,
                PatternsCommand.class,
                LogsCommand.class,
                ChatCommand.class,
                ModelsCommand.class,
                ReplayCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Ddx implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On an error, print the Java stack trace too.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs ddx with these arguments and streams; returns the exit code. Tests call this. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(out, err);
        return cl.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Ddx());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, commandLine, err));
        cl.setParameterExceptionHandler((ex, args) -> {
            err.println("ddx: " + ex.getMessage());
            err.println("  try: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return ExitCodes.USAGE;
        });
        return cl;
    }

    private static int report(Exception ex, CommandLine commandLine, PrintWriter err) {
        boolean debug = commandLine.getParseResult() != null && isDebug(commandLine);
        if (ex instanceof DdxException d) {
            err.println("ddx: " + d.getMessage());
            if (!d.hint().isEmpty()) err.println("  " + d.hint());
            if (debug) ex.printStackTrace(err);
            err.flush();
            return d.exitCode();
        }
        err.println("ddx: internal error: " + ex);
        err.println("  this is a bug in ddx; run again with --debug for the stack trace");
        if (debug) ex.printStackTrace(err);
        err.flush();
        return ExitCodes.FAILURE;
    }

    private static boolean isDebug(CommandLine commandLine) {
        CommandLine c = commandLine;
        while (c.getParent() != null) c = c.getParent();
        return c.getParseResult().hasMatchedOption("--debug")
                || commandLine.getParseResult().originalArgs().contains("--debug");
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    public static final class Version implements CommandLine.IVersionProvider {
        public static String current() {
            String v = Ddx.class.getPackage().getImplementationVersion();
            return v == null ? "dev" : v;
        }

        @Override
        public String[] getVersion() {
            return new String[] {"ddx " + current()};
        }
    }
}
