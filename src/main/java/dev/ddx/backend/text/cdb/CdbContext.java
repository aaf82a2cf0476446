package dev.ddx.backend.text.cdb;

import dev.ddx.backend.text.DumpDraft;
import dev.ddx.model.ExceptionInfo;
import dev.ddx.model.TargetProcess;

/**
 * What the parsers of one cdb session share while reading it: the draft, the thread the prompt
 * names ({@code 0:006>} is thread 6), and how sure the exception read so far is, so an exception
 * record beats the debugger's own break-in event.
 */
final class CdbContext {
    /** How an exception was learnt; a higher rank replaces a lower one. */
    enum Rank { BREAK_IN, EVENT, RECORD, ANALYSIS }

    final DumpDraft draft;
    String currentThread = "";
    String faultingTid = "";
    String faultingThread = "";
    private Rank rank;

    CdbContext(DumpDraft draft) {
        this.draft = draft;
    }

    /** Keeps {@code e} unless an exception learnt a surer way is already there. */
    void exception(ExceptionInfo e, Rank r) {
        if (rank != null && rank.compareTo(r) > 0) return;
        rank = r;
        draft.exception(e);
        if (r != Rank.BREAK_IN) draft.state(TargetProcess.ProcessState.CRASHED);
    }

    Rank rank() {
        return rank;
    }
}
