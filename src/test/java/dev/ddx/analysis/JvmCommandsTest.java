package dev.ddx.analysis;

import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetProcess;
import dev.ddx.pattern.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JvmCommandsTest {

    private static Snapshot asJvm(Snapshot s, OptionalLong pid) {
        TargetProcess p = s.process();
        TargetProcess jvm = new TargetProcess(pid, p.executable(), p.arguments(), TargetProcess.Runtime.JVM,
                TargetProcess.Capture.TEXT, p.state(), p.exitCode());
        return new Snapshot(jvm, s.threads(), s.modules(), s.exception(), s.locks(), s.counters(), s.probes(), s.input());
    }

    @Test
    void aThreadDumpWithoutAPidAsksForTheJvmFirstAndProposesNoGdbCommand() {
        Analysis a = Analyzer.standard().analyze(asJvm(Scenarios.deadlock(), OptionalLong.empty()));
        List<String> cmds = a.nextCommands().stream().map(NextCommand::command).toList();
        assertEquals("jcmd -l", cmds.get(0));
        assertTrue(cmds.contains("jcmd <pid> Thread.print -l"), cmds.toString());
        assertTrue(a.nextCommands().stream().allMatch(c -> c.debugger().equals("shell")), a.nextCommands().toString());
    }

    @Test
    void aKnownPidIsWrittenIntoTheCommands() {
        Analysis a = Analyzer.standard().analyze(asJvm(Scenarios.spinningAmongSleepers(), OptionalLong.of(4242)));
        List<String> cmds = a.nextCommands().stream().map(NextCommand::command).toList();
        assertTrue(cmds.contains("jcmd 4242 Thread.print -l"), cmds.toString());
        assertTrue(cmds.contains("top -H -b -n 1 -p 4242"), cmds.toString());
    }
}
