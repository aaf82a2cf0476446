package dev.ddx.backend.pdb;

import dev.ddx.backend.TargetSpec;
import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetProcess;
import dev.ddx.pattern.Evidence;
import dev.ddx.pattern.Finding;
import dev.ddx.pattern.exception.ExceptionDetectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exception detectors on snapshots of real Python programs that fail. */
class PythonExceptionsLiveTest {

    @BeforeAll
    static void python() {
        PythonScenarios.assumePython();
    }

    static List<Finding> findings(Snapshot s) {
        return ExceptionDetectors.all().stream().flatMap(d -> d.detect(s).stream()).toList();
    }

    static Set<String> ids(List<Finding> f) {
        return f.stream().map(Finding::patternId).collect(Collectors.toSet());
    }

    static Finding one(List<Finding> f, String id) {
        return f.stream().filter(x -> x.patternId().equals(id)).findFirst().orElseThrow();
    }

    static String facts(Finding f) {
        return f.evidence().stream().map(Evidence::fact).collect(Collectors.joining("\n"));
    }

    @Test
    void aDeepUncaughtExceptionIsAManagedExceptionWithItsOwnStackAndNoChain() {
        try (PdbBackend b = PythonScenarios.open(PythonScenarios.spec("deep_exception.py", 20, 0))) {
            List<Finding> f = findings(b.snapshot());
            assertEquals(Set.of("managed-code-exception", "exception-stack-trace"), ids(f));
            assertTrue(one(f, "managed-code-exception").title().contains("KeyError: 'kiwi' in lookup"));
            assertTrue(facts(one(f, "exception-stack-trace")).contains("deep_exception.py:16: return prices[item]"));
        }
    }

    @Test
    void chainedExceptionsAreNestedWithEveryLinkAndHowItRelates() {
        try (PdbBackend b = PythonScenarios.open(PythonScenarios.spec("chained_exceptions.py", 20, 0))) {
            List<Finding> f = findings(b.snapshot());
            assertTrue(ids(f).containsAll(Set.of("managed-code-exception", "nested-exception")));
            String facts = facts(one(f, "nested-exception"));
            assertTrue(facts.contains("raised last: KeyError: 'service'"), facts);
            assertTrue(facts.contains("raised while handling: ConfigError"), facts);
            assertTrue(facts.contains("explicit cause (raise … from): ValueError: invalid literal"), facts);
            assertTrue(facts.contains("in read_port at"), facts);
            assertFalse(ids(f).contains("not-my-version"));
        }
    }

    @Test
    void aRecursionErrorKeepsTheDeepStackCutButCounted() {
        try (PdbBackend b = PythonScenarios.open(PythonScenarios.spec("recursion.py", 30, 0))) {
            Snapshot s = b.snapshot();
            assertEquals("RecursionError", s.exception().orElseThrow().type());
            assertTrue(s.faultingThread().orElseThrow().depth() > 500, "the whole depth is counted");
            assertTrue(s.faultingThread().orElseThrow().frames().size() <= 80, "the stack sent is bounded");
            assertTrue(ids(findings(s)).contains("managed-code-exception"));
        }
    }

    @Test
    void aSyntaxErrorIsTheProgramsErrorWithFileAndLine() {
        try (PdbBackend b = PythonScenarios.open(PythonScenarios.spec("syntax_error.py", 20, 0))) {
            Snapshot s = b.snapshot();
            assertEquals(TargetProcess.ProcessState.CRASHED, s.process().state());
            var e = s.exception().orElseThrow();
            assertEquals("SyntaxError", e.type());
            assertTrue(e.message().contains("syntax_error.py:1"), e.message());
            assertEquals(1, e.frames().get(0).source().orElseThrow().line());
            assertEquals("def broken(:", e.frames().get(0).sourceText().orElseThrow());
        }
    }

    @Test
    void aShadowedModuleAndPinsThatDifferAreNotMyVersion() {
        TargetSpec.Python spec = new TargetSpec.Python(PythonScenarios.script("shadowed/app.py"), List.of(),
                Duration.ofSeconds(20), Duration.ZERO,
                Optional.of(PythonScenarios.script("shadowed/requirements.txt")));
        try (PdbBackend b = PythonScenarios.open(spec)) {
            List<Finding> f = findings(b.snapshot());
            assertTrue(ids(f).containsAll(Set.of("managed-code-exception", "not-my-version")), ids(f).toString());
            String facts = facts(one(f, "not-my-version"));
            assertTrue(facts.contains("module json was imported from ") && facts.contains("shadowed/json.py"), facts);
            assertTrue(facts.contains("which hides the standard library module"), facts);
            assertTrue(facts.matches("(?s).*pip \\S+ is installed, but the requirements pin 0\\.1\\.0.*"), facts);
            assertTrue(facts.contains("ddx-no-such-distribution is pinned to 1.0 but is not installed"), facts);
            assertFalse(facts.contains("requests"), "a range is not a pin");
            assertTrue(facts.contains("the failure mentions json"), facts);
        }
    }
}
