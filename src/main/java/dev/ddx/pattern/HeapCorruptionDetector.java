package dev.ddx.pattern;

import dev.ddx.model.Snapshot;
import dev.ddx.model.StackFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Heap corruption: the allocator found its own bookkeeping broken — glibc's malloc_printerr
 * ("double free detected", "corrupted size vs. prev_size", "free(): invalid pointer"), or a
 * crash inside the allocator itself. The program's frame that called the allocator is named.
 */
public final class HeapCorruptionDetector implements SnapshotDetector {
    private static final List<String> ALLOCATOR = List.of("malloc", "free", "realloc", "calloc", "cfree",
            "_int_free", "_int_malloc", "_int_realloc", "tcache_get", "tcache_put", "unlink_chunk", "malloc_consolidate");

    @Override
    public String id() {
        return "heap-corruption";
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        if (s.exception().isEmpty()) return List.of();
        String thread = Aborts.thread(s);
        Optional<StackFrame> printerr = Aborts.frame(s, List.of("malloc_printerr", "__malloc_assert"));
        Optional<StackFrame> message = Aborts.frame(s, List.of("__libc_message"))
                .filter(f -> Aborts.quotedArgument(f, "fmt").map(Aborts::isHeapMessage).orElse(false));
        Optional<StackFrame> inAllocator = Stacks.faultFrames(s).stream().limit(1)
                .filter(f -> ALLOCATOR.contains(Stacks.bareName(f.function()))).findFirst();
        Optional<StackFrame> hit = printerr.or(() -> message).or(() -> inAllocator);
        if (hit.isEmpty()) return List.of();
        StackFrame f = hit.get();
        String msg = Aborts.quotedArgument(f, "str").orElse("");
        List<Evidence> ev = new ArrayList<>();
        if (printerr.isPresent() || message.isPresent()) {
            ev.add(SoftwareExceptionDetector.frame(s, thread, f, "the allocator reported its heap broken in "
                    + Stacks.where(f) + (msg.isEmpty() ? "" : ": \"" + msg + "\"")));
        } else {
            ev.add(SoftwareExceptionDetector.frame(s, thread, f, "the fault is inside the allocator, "
                    + Stacks.where(f) + ": its own data was bad"));
        }
        Optional<StackFrame> caller = Stacks.faultingThread(s).flatMap(t -> Stacks.firstUserFrame(t.frames()));
        caller.ifPresent(c -> ev.add(SoftwareExceptionDetector.frame(s, thread, c,
                "the program called the allocator from " + Stacks.where(c))));
        // the debugger may cut the message short ("free(): double f…")
        String kind = msg.toLowerCase().contains("double f") ? "double free"
                : msg.isEmpty() ? "heap corruption" : msg;
        String title = "Heap corruption: " + kind + caller.map(c -> " in " + c.function()).orElse("");
        double confidence = printerr.isPresent() || message.isPresent() ? 1.0 : 0.6;
        return List.of(new Finding("heap-corruption", title, confidence, ev));
    }
}
