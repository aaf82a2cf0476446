package dev.ddx.analysis;

import dev.ddx.model.Snapshot;
import dev.ddx.pattern.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzerTest {
    private final Analyzer analyzer = Analyzer.standard();

    @Test
    void aNullDereferenceIsCulpritAtTheFaultingUserFrameWithProbeCommands() {
        Analysis a = analyzer.analyze(Scenarios.nullDeref("/tmp/a", 10, 0x5555_5555_8000L));
        assertEquals("crash", a.findings().get(0).patternId());
        assertEquals("deref_chain", a.culprit().orElseThrow().frame().function());
        assertEquals("crash/SIGSEGV/null_deref!deref_chain", a.signature());
        List<String> cmds = a.nextCommands().stream().map(NextCommand::command).toList();
        assertTrue(cmds.containsAll(List.of("thread 1", "frame 0", "print *a.b2", "info locals")), cmds.toString());
        assertTrue(a.nextCommands().stream().allMatch(c -> c.debugger().equals("gdb")));
    }

    @Test
    void theSameBugOnAnotherRunGivesTheSameSignature() {
        Snapshot one = Scenarios.nullDeref("/tmp/run-1", 111, 0x5555_5555_8000L);
        Snapshot two = Scenarios.nullDeref("/home/ci/build-77", 98765, 0x5600_1234_0000L);
        assertEquals(analyzer.analyze(one).signature(), analyzer.analyze(two).signature());
    }

    @Test
    void differentBugsGiveDifferentSignatures() {
        assertFalse(analyzer.analyze(Scenarios.nullIntoLibc()).signature()
                .equals(analyzer.analyze(Scenarios.nullDeref("/x", 1, 1)).signature()));
    }

    @Test
    void aDeadlockLeadsTheFindingsAndItsSignatureNamesBothFunctions() {
        Analysis a = analyzer.analyze(Scenarios.deadlock());
        assertEquals("deadlock", a.findings().get(0).patternId());
        assertEquals("deadlock/-/app!audit_ledger+app!transfer_funds", a.signature());
        assertEquals("transfer_funds", a.culprit().orElseThrow().frame().function());
        List<String> cmds = a.nextCommands().stream().map(NextCommand::command).toList();
        assertTrue(cmds.containsAll(List.of("thread 2", "thread 3", "bt full", "print *(pthread_mutex_t *) 0x555555558040")),
                cmds.toString());
    }

    @Test
    void aWaitChainNamesTheRootBlockerAsCulprit() {
        Analysis a = analyzer.analyze(Scenarios.waitChain());
        assertEquals("wait-chain", a.findings().get(0).patternId());
        assertEquals("read_config", a.culprit().orElseThrow().frame().function());
        assertEquals("wait-chain/-/app!read_config", a.signature());
    }

    @Test
    void anAssertAndAStackOverflowAreClassedByWhatEndedTheProgram() {
        assertEquals("software-exception/SIGABRT/app!check_balance", analyzer.analyze(Scenarios.failedAssert()).signature());
        assertEquals("heap-corruption/SIGABRT/app!release", analyzer.analyze(Scenarios.doubleFree()).signature());
        assertEquals("stack-overflow/SIGSEGV/app!recurse", analyzer.analyze(Scenarios.stackOverflow()).signature());
    }

    @Test
    void aSpinningThreadIsTheCulpritWhenNothingFailed() {
        Analysis a = analyzer.analyze(Scenarios.spinningAmongSleepers());
        assertEquals("spiking-thread", a.findings().get(0).patternId());
        assertEquals("crunch", a.culprit().orElseThrow().frame().function());
        assertEquals("spiking-thread/-/app!crunch", a.signature());
    }

    @Test
    void javaFramesDoNotRepeatTheClassInTheSignature() {
        dev.ddx.model.StackFrame f = new dev.ddx.model.StackFrame(0, "com.shop.Cart.total", "com.shop.Cart",
                java.util.Optional.of(new dev.ddx.model.SourceLocation("Cart.java", 12)), java.util.OptionalLong.empty(),
                List.of(), List.of(), java.util.Optional.empty(), dev.ddx.model.CodeOwner.USER);
        assertEquals("com.shop.Cart!total", Signature.name(f));
    }
}
