package dev.ddx.backend.text.jvm;

import dev.ddx.backend.text.DumpDraft;
import dev.ddx.backend.text.TextLines;
import dev.ddx.model.LockInfo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM's own deadlock report at the end of a thread dump ("Found one Java-level deadlock:"):
 * each thread, the monitor or ownable synchronizer it waits for, and the thread that holds it.
 * The repeated stacks under "Java stack information for the threads listed above" are skipped.
 */
final class JvmDeadlockSectionParser {
    private static final Pattern START = Pattern.compile("^Found one Java-level deadlock:\\s*$");
    private static final Pattern THREAD = Pattern.compile("^\"(.*)\":\\s*$");
    private static final Pattern MONITOR = Pattern.compile(
            "^\\s*waiting to lock monitor (0x[0-9a-f]+) \\(object (0x[0-9a-f]+), a ([^)]*)\\),?\\s*$");
    private static final Pattern OWNABLE = Pattern.compile(
            "^\\s*waiting for ownable synchronizer (0x[0-9a-f]+), \\(a ([^)]*)\\),?\\s*$");
    private static final Pattern HELD = Pattern.compile("^\\s*which is held by \"(.*)\"\\s*$");
    private static final Pattern END = Pattern.compile("^Found \\d+ deadlocks?\\.\\s*$");

    private JvmDeadlockSectionParser() {
    }

    /** Marks the section starting at {@code i} as understood; returns the index after it. */
    static int skip(DumpDraft draft, int i) {
        TextLines text = draft.text();
        int j = i;
        while (j < text.size() && !END.matcher(text.get(j)).matches()
                && (j == i || !START.matcher(text.get(j)).matches())) {
            j++;
        }
        int end = j < text.size() && END.matcher(text.get(j)).matches() ? j + 1 : j;
        draft.understood(i, end);
        return end;
    }

    /** Adds the reported waits and holders as locks, and a note that the JVM found a deadlock. */
    static void parse(DumpDraft draft, Map<String, String> idByName) {
        TextLines text = draft.text();
        int sections = 0;
        String thread = null;
        String lock = null;
        String kind = null;
        String cls = null;
        for (int i = 0; i < text.size(); i++) {
            String s = text.get(i);
            Matcher m;
            if (START.matcher(s).matches()) {
                sections++;
            } else if (s.startsWith("Java stack information")) {
                thread = null;
            } else if (sections > 0 && (m = THREAD.matcher(s)).matches()) {
                thread = idByName.getOrDefault(m.group(1), m.group(1));
            } else if (thread != null && (m = MONITOR.matcher(s)).matches()) {
                lock = JavaLocks.id(m.group(2));
                kind = "java_monitor";
                cls = m.group(3);
            } else if (thread != null && (m = OWNABLE.matcher(s)).matches()) {
                lock = JavaLocks.id(m.group(1));
                kind = "juc_lock";
                cls = m.group(2);
            } else if (thread != null && lock != null && (m = HELD.matcher(s)).matches()) {
                String owner = idByName.getOrDefault(m.group(1), m.group(1));
                draft.lock(new LockInfo(lock, kind, cls, Optional.of(owner), List.of(thread), Optional.empty(),
                        Map.of("reported by", "the JVM's deadlock detection")));
                lock = null;
            }
        }
        if (sections > 0) {
            draft.note("the JVM itself reported " + sections + " Java-level deadlock" + (sections > 1 ? "s" : ""));
        }
    }
}
