package dev.ddx.repl;

import dev.ddx.event.SessionEvent;
import dev.ddx.event.SessionListener;

import java.io.PrintWriter;

/**
 * A one-line spinner naming what runs while the user waits ("running backtrace {thread_id: 7}").
 * Listens to the session's events; stops (and clears its line) as soon as answer text arrives.
 * Disabled on dumb terminals, where it would only add noise.
 */
final class Spinner implements SessionListener {
    private static final String FRAMES = "|/-\\";
    private final PrintWriter out;
    private final boolean enabled;
    private volatile String label = "";
    private volatile boolean active;
    private Thread thread;

    Spinner(PrintWriter out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    synchronized void start(String what) {
        label = what;
        if (!enabled || active) return;
        active = true;
        thread = new Thread(this::spin, "ddx-spinner");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void stop() {
        if (!active) return;
        active = false;
        thread.interrupt();
        try {
            thread.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (out) {
            out.print("\r\u001b[K");
            out.flush();
        }
    }

    private void spin() {
        int i = 0;
        while (active) {
            synchronized (out) {
                if (!active) break;
                out.print("\r\u001b[K" + FRAMES.charAt(i++ % FRAMES.length()) + " " + label);
                out.flush();
            }
            try {
                Thread.sleep(120);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void on(SessionEvent e) {
        if (e instanceof SessionEvent.ToolCall c) {
            label = "running " + c.name() + (c.arguments().isBlank() || c.arguments().equals("{}") ? "" : " " + c.arguments());
        } else if (e instanceof SessionEvent.ModelRequest r) {
            label = "asking " + r.model() + "…";
        } else if (e instanceof SessionEvent.AnswerPart) {
            stop();
        }
    }
}
