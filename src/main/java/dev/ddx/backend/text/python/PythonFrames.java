package dev.ddx.backend.text.python;

import dev.ddx.backend.text.CodeOwnerPolicy;
import dev.ddx.model.SourceLocation;
import dev.ddx.model.StackFrame;
import dev.ddx.model.Variable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Python frames as the three text formats give them: the module is the file's name without ".py". */
final class PythonFrames {
    private PythonFrames() {
    }

    static StackFrame frame(int index, String function, String file, int line, String sourceText, List<Variable> locals) {
        String base = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        String module = base.endsWith(".py") ? base.substring(0, base.length() - 3) : base;
        return new StackFrame(index, function, module, Optional.of(new SourceLocation(file, line)), OptionalLong.empty(),
                List.of(), locals, Optional.ofNullable(sourceText), CodeOwnerPolicy.python(file));
    }

    /** Frames listed outermost first (tracebacks), renumbered innermost first. */
    static List<StackFrame> innermostFirst(List<StackFrame> outermostFirst) {
        List<StackFrame> out = new ArrayList<>(outermostFirst);
        Collections.reverse(out);
        List<StackFrame> renumbered = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) renumbered.add(out.get(i).withIndex(i));
        return renumbered;
    }
}
