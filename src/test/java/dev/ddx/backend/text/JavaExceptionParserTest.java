package dev.ddx.backend.text;

import dev.ddx.model.CodeOwner;
import dev.ddx.model.ExceptionInfo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JavaExceptionParserTest {

    @Test
    void causedByLinesBecomeACauseChain() {
        ExceptionInfo e = Fixtures.snapshot(Fixtures.sharedLines("native-text/java_stacktraces_java-02")).exception().orElseThrow();
        assertEquals("javax.servlet.ServletException", e.type());
        assertEquals(3, e.chain().size());
        assertEquals("org.hibernate.exception.ConstraintViolationException", e.chain().get(2).type());
        assertEquals(ExceptionInfo.Relation.CAUSE, e.cause().orElseThrow().relation());
        assertEquals(CodeOwner.USER, e.frames().get(0).owner());
        assertEquals(CodeOwner.LIBRARY, e.frames().get(1).owner()); // org.mortbay
        assertEquals(CodeOwner.SYSTEM, e.chain().get(1).frames().get(1).owner()); // javax.servlet
    }

    @Test
    void suppressedExceptionsAreKeptUnderTheirParent() {
        String text = String.join("\n",
                "Exception in thread \"main\" java.lang.IllegalStateException: close failed",
                "\tat app.Main.run(Main.java:10)",
                "\tSuppressed: java.io.IOException: disk full",
                "\t\tat app.Store.close(Store.java:33)",
                "\t\t... 1 more",
                "Caused by: java.lang.NullPointerException",
                "\tat app.Store.flush(Store.java:20)",
                "\t... 1 more");
        ExceptionInfo e = Fixtures.snapshot(TextLines.of("t", text)).exception().orElseThrow();
        assertEquals(1, e.suppressed().size());
        assertEquals("java.io.IOException", e.suppressed().get(0).type());
        assertEquals("java.lang.NullPointerException", e.cause().orElseThrow().exception().type());
        assertEquals(java.util.Optional.of("main"), e.threadId());
    }
}
