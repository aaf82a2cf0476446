package dev.ddx.cli;

import dev.ddx.error.DdxException;
import dev.ddx.error.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

/** The {@code ddx} command: the entry point and the map from every outcome to an exit code. */
@Command(name = "ddx",
        mixinStandardHelpOptions = true,
        versionProvider = Ddx.Version.class,
        description = "A debugging assistant: crashes, hangs, dumps and logs, explained with evidence.")
public final class Ddx implements Runnable {
    /** The subcommands, in the order help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            SummarizeCommand.class,
            DemoCommand.class,
            PatternsCommand.class,
            LogsCommand.class,
            ChatCommand.class,
            ModelsCommand.class,
            ReplayCommand.class,
            CommandLine.HelpCommand.class);

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
        CommandLine cl = commandLine(args, out, err);
        return cl.execute(args);
    }

    /**
     * The command line for these arguments. When the first one names a subcommand, only that
     * subcommand's tree is built: picocli reads every option of every command it is given by
     * reflection (about 30 ms for the others), and a run of one subcommand parses no other's.
     * Anything else (no arguments, an option first, a misspelt name, {@code help}) gets them all.
     */
    static CommandLine commandLine(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Ddx());
        String first = args.length > 0 ? args[0] : "";
        List<Class<?>> named = SUBCOMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(first))
                .toList();
        for (Class<?> c : named.isEmpty() ? SUBCOMMANDS : named) cl.addSubcommand(c);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, commandLine, err));
        cl.setParameterExceptionHandler((ex, rest) -> {
            err.println("ddx: " + ex.getMessage());
            List<String> near = ex instanceof CommandLine.UnmatchedArgumentException u ? u.getSuggestions() : List.of();
            String help = ex.getCommandLine().getCommandSpec().qualifiedName() + " --help";
            if (near.isEmpty()) err.println("  try: " + help);
            else err.println("  did you mean " + near.get(0) + "? (try: " + help + ")"); // the nearest first
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
