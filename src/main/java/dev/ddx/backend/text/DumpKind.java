package dev.ddx.backend.text;

/** What kind of saved text a dump is, recognised from its content. */
public enum DumpKind {
    CDB("cdb/WinDbg output", "cdb"),
    GDB("gdb backtrace text", "gdb"),
    JSTACK("JVM thread dump", "jstack"),
    JCMD_THREADS("JVM thread dump (jcmd Thread.dump_to_file)", "jcmd"),
    JAVA_EXCEPTION("Java exception stack trace", "java"),
    PYTHON_TRACEBACK("Python traceback", "python"),
    FAULTHANDLER("Python faulthandler dump", "faulthandler"),
    PY_SPY("py-spy dump", "py-spy"),
    UNKNOWN("unrecognised text", "text");

    private final String label;
    private final String source;

    DumpKind(String label, String source) {
        this.label = label;
        this.source = source;
    }

    /** What a reader is told was read ("JVM thread dump"). */
    public String label() {
        return label;
    }

    /** The tool the text came from, as evidence sources name it ("jstack", "cdb"). */
    public String source() {
        return source;
    }
}
