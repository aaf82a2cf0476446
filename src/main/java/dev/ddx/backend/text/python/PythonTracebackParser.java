package dev.ddx.backend.text.python;

import dev.ddx.backend.text.DumpDraft;

/** Placeholder until this parser lands: the text stays unparsed. */
public final class PythonTracebackParser {
    private PythonTracebackParser() {
    }

    public static void parse(DumpDraft draft) {
        draft.note("this kind of text is recognised but not parsed yet");
    }
}
