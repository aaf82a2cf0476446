package dev.ddx.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debugging vocabulary: the words people type at 3 a.m. mapped to the words the catalog uses.
 * A phrase on the left, matched on stems anywhere in the query, adds the terms on the right.
 * Kept small and general on purpose: it names how people describe symptoms, not test queries.
 */
final class Synonyms {
    /** phrase alternatives (separated by |) → catalog terms they stand for. */
    private static final Map<String, String> TABLE = Map.ofEntries(
            Map.entry("freeze|frozen|stuck|unresponsive|not responding|nothing happens|does nothing|no progress"
                    + "|never returns|never finishes|never ends|sits there|sitting there|spinning wheel|wedged", "hang"),
            Map.entry("waiting for each other|wait for each other|waits for the other|waiting on each other"
                    + "|each waiting|both waiting|both stuck|circular wait|lock order|lock ordering|opposite order"
                    + "|holds one lock|hold each other", "deadlock cycle"),
            Map.entry("grows|growing|keeps growing|keeps increasing|balloons|ballooning|creeps up|creeping|climbing"
                    + "|goes up and never|never goes down|never comes down|never released|never freed|never closed", "leak grow"),
            Map.entry("ram|rss|resident|gigabytes|gb|mb", "memory"),
            Map.entry("100 cpu|cpu 100|cpu at 100|full core|pegged|maxed out|burning cpu|eating cpu|hot loop"
                    + "|busy loop|spinning|spins|fan|fans|cpu usage", "spike cpu loop"),
            Map.entry("segfault|seg fault|sigsegv|segmentation fault|core dumped|blew up|died|dies|sigabrt|aborted"
                    + "|access violation|sigbus", "crash fatal signal"),
            Map.entry("too many open files|emfile|file descriptors|fds|fd|sockets|descriptors", "handle descriptor"),
            Map.entry("recursion|recursive|recurses|calls itself", "recursion stack overflow"),
            Map.entry("oom|oom killer|killed by the kernel|cannot allocate|bad_alloc|memoryerror|outofmemoryerror",
                    "out memory oom"),
            Map.entry("flaky|intermittent|sometimes|randomly|once in a while|only under load|heisenbug|nondeterministic"
                    + "|every now and then|not always|one in", "race intermittent flaky"),
            Map.entry("wrong version|old version|older version|stale|outdated|mismatched|mismatch|upgraded|upgrade"
                    + "|downgrade|different version|newer version", "version mismatch"),
            Map.entry("every thread|all threads|all the threads|each thread|thread dump|every stack|all stacks",
                    "all thread stack collection"),
            Map.entry("caused by|wrapped|rethrown|rethrow|inner exception|while handling|during handling|another exception",
                    "nested exception chain cause"),
            Map.entry("null|nil|nonetype|nullptr|address 0|address zero|0x0|0x00000000", "null pointer"),
            Map.entry("assert|asserts|assertion", "assertion assert"),
            Map.entry("timed out|time out|timeouts|deadline|took too long|takes forever|gave up waiting", "timeout"),
            Map.entry("freed|dangling|after free|after it was freed|after deleting", "free use after"),
            Map.entry("attach|attached|running process|while it runs|still running|while running", "live attach running"),
            Map.entry("core file|core dump|coredump|minidump|after it died|after the crash|dump file|after the fact",
                    "postmortem dump core"),
            Map.entry("ci|jenkins|github actions|gitlab|build server|red build|test job|ci job", "ci build fail"),
            Map.entry("etl|batch job|queue|stage|stages|backlog|lag|records|kafka", "pipeline queue stage"),
            Map.entry("symbolize|address to function|which function|raw address|hex address|hex addresses|offsets",
                    "address symbol translate"),
            Map.entry("which library|what libraries|loaded libraries|shared libraries|dlls|so files|ldd", "module library loaded"),
            Map.entry("throughput|serialized|serialised|convoy|hot lock|same lock|one lock|same mutex", "contention lock"),
            Map.entry("disk full|no space|ran out|run out|running out|pool|exhausted|limit", "exhaust limit"),
            Map.entry("not found|no module named|cannot open shared object|import fails|missing library|missing module",
                    "missing dependency"),
            Map.entry("smashing|stack smashing|return address|garbage backtrace|corrupt stack|corrupted stack",
                    "stack corruption"),
            Map.entry("malloc|free|corrupted|corrupt", "heap corruption"),
            Map.entry("retry forever|keeps retrying|keep retrying|back and forth|ping pong|yield to each other"
                    + "|busy but|bouncing", "livelock retry"),
            Map.entry("wrong answer|wrong output|wrong result|wrong results|incorrect|bad numbers|unexpected result"
                    + "|no crash but|silently", "deviation wrong result"),
            Map.entry("log file|timeline|sequence of events|what happened before|history of", "narrative log sequence"),
            Map.entry("step through|stepping|trace execution|replay|record the run|go backwards", "trace record step"),
            Map.entry("stop at|stop when|pause at line|stop on line|stop at line", "breakpoint"),
            Map.entry("every time|each time|without stopping|logpoint|print on", "action breakpoint"),
            Map.entry("struct|layout|offsets of fields|fields", "type structure"),
            Map.entry("value of|what value|contents of", "variable value"),
            Map.entry("switch thread|select frame|current frame|wrong frame|other thread|go up", "scope frame thread"),
            Map.entry("automate|automation|batch mode|run the same commands", "scripting script"),
            Map.entry("plugin|extension|pretty printer|custom command", "extension"),
            Map.entry("ctrl c|ctrl-c|interrupt|pause it|break into|stop it", "break interrupt"));

    private final List<Rule> rules = new ArrayList<>();

    private record Rule(List<String> phrase, List<String> adds) {
    }

    Synonyms() {
        TABLE.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<String> adds = TermParser.terms(e.getValue());
            for (String alt : e.getKey().split("\\|")) rules.add(new Rule(TermParser.stems(alt), adds));
        });
    }

    /** The catalog terms the query's phrases stand for, once each, in a stable order. */
    List<String> expand(List<String> queryStems) {
        List<String> out = new ArrayList<>();
        for (Rule r : rules) {
            if (r.phrase().isEmpty() || !containsRun(queryStems, r.phrase())) continue;
            for (String a : r.adds()) if (!out.contains(a)) out.add(a);
        }
        return out;
    }

    private static boolean containsRun(List<String> text, List<String> phrase) {
        outer:
        for (int i = 0; i + phrase.size() <= text.size(); i++) {
            for (int j = 0; j < phrase.size(); j++) {
                if (!text.get(i + j).equals(phrase.get(j))) continue outer;
            }
            return true;
        }
        return false;
    }
}
