package dev.ddx.pattern.exception;

import dev.ddx.model.CodeOwner;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.InputInfo;
import dev.ddx.model.SignalInfo;
import dev.ddx.model.Snapshot;
import dev.ddx.model.SourceLocation;
import dev.ddx.model.StackFrame;
import dev.ddx.model.TargetProcess;
import dev.ddx.pattern.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exception detectors are generic: a Java chain from a thread dump works as a Python one does. */
class ExceptionDetectorsTest {

    static StackFrame frame(int i, String fn, String file, int line, CodeOwner owner) {
        return StackFrame.of(i, fn, "", new SourceLocation(file, line)).withOwner(owner);
    }

    static Snapshot snapshot(Optional<ExceptionInfo> e, InputInfo input) {
        TargetProcess p = new TargetProcess(OptionalLong.empty(), "app.jar", List.of(), TargetProcess.Runtime.JVM,
                TargetProcess.Capture.TEXT, TargetProcess.ProcessState.CRASHED, OptionalLong.empty());
        return new Snapshot(p, List.of(), List.of(), e, List.of(), List.of(), List.of(), input);
    }

    static Set<String> ids(Snapshot s) {
        return ExceptionDetectors.all().stream().flatMap(d -> d.detect(s).stream()).map(Finding::patternId)
                .collect(Collectors.toSet());
    }

    @Test
    void aJavaCausedByChainIsNestedAndManaged() {
        ExceptionInfo root = new ExceptionInfo("java.io.FileNotFoundException", "/etc/app.conf", Optional.empty(),
                Optional.empty(), List.of(frame(0, "java.io.FileInputStream.open0", "FileInputStream.java", 0, CodeOwner.SYSTEM)),
                Optional.empty(), List.of());
        ExceptionInfo top = new ExceptionInfo("java.lang.IllegalStateException", "no config", Optional.of("main"),
                Optional.empty(), List.of(frame(0, "com.acme.Config.load", "Config.java", 42, CodeOwner.USER)),
                Optional.of(new ExceptionInfo.Cause(ExceptionInfo.Relation.CAUSE, root)), List.of());
        Snapshot s = snapshot(Optional.of(top), InputInfo.of("jstack thread dump", "dump.txt"));
        assertEquals(Set.of("managed-code-exception", "nested-exception", "exception-stack-trace"), ids(s));
        Finding nested = new NestedExceptionDetector().detect(s).get(0);
        assertTrue(nested.evidence().get(1).fact().startsWith("explicit cause (raise … from): java.io.FileNotFoundException"));
        assertEquals("jstack thread dump: exception", nested.evidence().get(0).source());
    }

    @Test
    void aNativeSignalIsNotAManagedException() {
        SignalInfo sig = new SignalInfo("SIGSEGV", 11, OptionalInt.empty(), "SEGV_MAPERR", OptionalLong.of(0));
        ExceptionInfo segv = new ExceptionInfo("SIGSEGV", "Segmentation fault", Optional.of("1"), Optional.of(sig),
                List.of(), Optional.empty(), List.of());
        assertEquals(Set.of(), ids(snapshot(Optional.of(segv), InputInfo.of("gdb core", "core"))));
    }

    @Test
    void pinsThatMatchAreNotMyVersionOnlyWhenTheyDiffer() {
        InputInfo same = InputInfo.of("pdb driver", "app.py").withNote(VersionNotes.pin("requests", "2.31.0", Optional.of("2.31.0")));
        assertEquals(Set.of(), ids(snapshot(Optional.empty(), same)));
        InputInfo differs = same.withNote(VersionNotes.pin("urllib3", "2.0.0", Optional.of("1.26.18")));
        Snapshot s = snapshot(Optional.empty(), differs);
        List<Finding> f = new NotMyVersionDetector().detect(s);
        assertEquals("urllib3 1.26.18 is installed, but the requirements pin 2.0.0", f.get(0).evidence().get(0).fact());
        assertEquals("Not the expected version: urllib3", f.get(0).title());
    }

    @Test
    void versionNotesReadBackWhatTheyWrite() {
        InputInfo in = InputInfo.of("pdb driver", "x")
                .withNote(VersionNotes.pin("flask", "3.0.0", Optional.empty()))
                .withNote(VersionNotes.shadow("json", "/srv/app/json.py", "the standard library module"));
        assertEquals(List.of(new VersionNotes.Pin("flask", "3.0.0", Optional.empty())), VersionNotes.pins(in));
        assertEquals(List.of(new VersionNotes.Shadow("json", "/srv/app/json.py", "the standard library module")),
                VersionNotes.shadows(in));
    }
}
