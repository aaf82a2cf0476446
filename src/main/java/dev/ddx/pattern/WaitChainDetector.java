package dev.ddx.pattern;

import dev.ddx.model.Snapshot;
import dev.ddx.model.TargetThread;
import dev.ddx.model.ThreadState;

import java.util.ArrayList;
import java.util.List;

/**
 * Wait chain: threads wait, link by link, for a root blocker that is itself stuck (on I/O, a
 * condition, a sleep) or that sits at the end of two or more links. Each link is named, and the
 * root blocker's own wait. A cycle is a deadlock, never a wait chain; one waiter behind a running
 * holder is only a blocked thread.
 */
public final class WaitChainDetector implements SnapshotDetector {
    @Override
    public String id() {
        return "wait-chain";
    }

    @Override
    public List<Finding> detect(Snapshot s) {
        WaitForGraph g = WaitForGraph.of(s);
        List<Finding> out = new ArrayList<>();
        for (WaitForGraph.Chain c : g.chains()) {
            ThreadState rootState = s.thread(c.root()).map(TargetThread::state).orElse(ThreadState.UNKNOWN);
            boolean stuckRoot = rootState == ThreadState.IO_WAIT || rootState == ThreadState.WAITING
                    || rootState == ThreadState.SLEEPING || rootState == ThreadState.BLOCKED;
            if (c.depth() < 2 && !stuckRoot) continue;
            List<Evidence> ev = new ArrayList<>();
            for (WaitForGraph.Link l : c.links()) ev.add(LockLinks.evidence(s, LockLinks.sentence(s, l), l.waiter()));
            ev.add(LockLinks.evidence(s, "root blocker: " + LockLinks.rootSentence(s, g, c.root()), c.root()));
            String what = rootState == ThreadState.IO_WAIT ? ", which is blocked on I/O" : "";
            String title = "Wait chain: " + c.waiters().size() + " thread" + (c.waiters().size() == 1 ? "" : "s")
                    + " wait behind thread " + c.root() + what + " (" + c.depth() + " link"
                    + (c.depth() == 1 ? "" : "s") + " deep)";
            double confidence = stuckRoot ? 0.9 : 0.75;
            out.add(new Finding("wait-chain", title, confidence, ev));
        }
        return out;
    }
}
