package dev.ddx.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One frame of a stack.
 *
 * @param index     position in the stack, 0 = innermost
 * @param function  function or method name; "??" when the debugger did not know it
 * @param module    the module (shared library, DLL, Python module, JVM class) it belongs to, or empty
 * @param source    file and line, when known
 * @param pc        program counter, when known
 * @param arguments arguments as the debugger printed them
 * @param locals    local variables (bounded reprs), when collected
 * @param sourceText the text of the source line, when known
 * @param owner     whose code the frame runs (the program's own, a library's, the system's)
 */
public record StackFrame(
        int index,
        String function,
        String module,
        Optional<SourceLocation> source,
        OptionalLong pc,
        List<Variable> arguments,
        List<Variable> locals,
        Optional<String> sourceText,
        CodeOwner owner) {

    public StackFrame {
        function = function == null || function.isEmpty() ? "??" : function;
        module = module == null ? "" : module;
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pc, "pc");
        arguments = List.copyOf(arguments);
        locals = List.copyOf(locals);
        Objects.requireNonNull(sourceText, "sourceText");
        owner = owner == null ? CodeOwner.UNKNOWN : owner;
    }

    /** A frame with only a function, module and optional location. */
    public static StackFrame of(int index, String function, String module, SourceLocation source) {
        return new StackFrame(index, function, module, Optional.ofNullable(source), OptionalLong.empty(),
                List.of(), List.of(), Optional.empty(), CodeOwner.UNKNOWN);
    }

    /** {@code function at file:line} or {@code function in module}. */
    public String label() {
        StringBuilder b = new StringBuilder(function);
        source.ifPresentOrElse(s -> b.append(" at ").append(s),
                () -> { if (!module.isEmpty()) b.append(" in ").append(module); });
        return b.toString();
    }

    public StackFrame withIndex(int newIndex) {
        return new StackFrame(newIndex, function, module, source, pc, arguments, locals, sourceText, owner);
    }

    public StackFrame withLocals(List<Variable> newLocals) {
        return new StackFrame(index, function, module, source, pc, arguments, newLocals, sourceText, owner);
    }

    public StackFrame withOwner(CodeOwner newOwner) {
        return new StackFrame(index, function, module, source, pc, arguments, locals, sourceText, newOwner);
    }
}
