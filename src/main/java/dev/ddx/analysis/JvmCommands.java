package dev.ddx.analysis;

import dev.ddx.model.Snapshot;
import dev.ddx.pattern.Finding;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Concrete commands for a JVM incident read from a thread dump. A dump is a picture of a
 * process that usually still runs, so the next step is another look at it with the JDK's own
 * tools (run in a shell on the JVM's machine), not a debugger command.
 */
final class JvmCommands {
    static final String SHELL = "shell";

    private JvmCommands() {
    }

    static void add(Snapshot s, List<Finding> findings, Map<String, NextCommand> out) {
        Set<String> found = findings.stream().map(Finding::patternId).collect(Collectors.toSet());
        Optional<String> pid = s.process().pid().isPresent()
                ? Optional.of(Long.toString(s.process().pid().getAsLong())) : Optional.empty();
        if (pid.isEmpty()) {
            NextCommands.put(out, SHELL, "jcmd -l", "the dump does not say which process it came from: this lists the running JVMs and their ids, for <pid> below");
        }
        String p = pid.orElse("<pid>");
        NextCommands.put(out, SHELL, "jcmd " + p + " Thread.print -l",
                "a new dump with the locks each thread owns: threads that did not move since this one are stuck");
        if (found.contains("spiking-thread") || found.contains("livelock")) {
            NextCommands.put(out, SHELL, "top -H -b -n 1 -p " + p,
                    "CPU per thread now; a thread's nid in the dump is its id here, in hex");
        }
        if (found.contains("memory-leak")) {
            NextCommands.put(out, SHELL, "jcmd " + p + " GC.class_histogram",
                    "which classes hold the memory; take two and compare");
        }
        if (found.contains("handle-leak")) {
            NextCommands.put(out, SHELL, "ls -l /proc/" + p + "/fd", "what the open descriptors point at");
        }
    }
}
