package dev.ddx.repl;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.List;
import java.util.function.Supplier;

/**
 * Tab completion: the /commands, then per command its argument — pattern ids after /pattern,
 * thread ids after /bt, debugger command names after /run, model names after /model.
 */
final class ReplCompleter implements Completer {
    private final Supplier<List<String>> patternIds;
    private final Supplier<List<String>> threadIds;
    private final Supplier<List<String>> debuggerCommands;
    private final Supplier<List<String>> models;

    ReplCompleter(Supplier<List<String>> patternIds, Supplier<List<String>> threadIds,
                  Supplier<List<String>> debuggerCommands, Supplier<List<String>> models) {
        this.patternIds = patternIds;
        this.threadIds = threadIds;
        this.debuggerCommands = debuggerCommands;
        this.models = models;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        if (words.isEmpty() || !words.get(0).startsWith("/")) return;
        if (line.wordIndex() == 0) {
            for (ReplCommands.Spec c : ReplCommands.SPECS) candidates.add(new Candidate(c.name(), c.name(), null, c.help(), null, null, true));
            return;
        }
        if (line.wordIndex() != 1) return;
        List<String> values = switch (words.get(0)) {
            case "/pattern", "/patterns" -> patternIds.get();
            case "/bt" -> threadIds.get();
            case "/run" -> debuggerCommands.get();
            case "/model" -> models.get();
            default -> List.of();
        };
        for (String v : values) candidates.add(new Candidate(v));
    }
}
