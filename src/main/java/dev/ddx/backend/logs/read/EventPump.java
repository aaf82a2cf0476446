package dev.ddx.backend.logs.read;

import dev.ddx.model.LogEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads an {@link EventReader} on a second thread (decoding, header parsing and folding) while the
 * caller's thread consumes the events, in order. Batches go through a small bounded queue, so memory
 * stays bounded; a read failure is rethrown on the caller's thread.
 */
public final class EventPump {
    static final int BATCH = 2048;
    static final int QUEUE = 8;

    private EventPump() {
    }

    /**
     * Every event of the reader, in order, to the sink, with {@code prepare} applied to each on the
     * reading thread (so it must not touch the caller's state): per-event work that needs no shared
     * state is split between the two cores. Returns when the reader is exhausted.
     */
    public static <T> void drain(EventReader reader, Function<LogEvent, T> prepare, Consumer<T> sink) throws IOException {
        BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(QUEUE);
        final List<T> end = new ArrayList<>(0);
        Throwable[] failure = new Throwable[1];
        Thread producer = new Thread(() -> {
            try {
                List<T> batch = new ArrayList<>(BATCH);
                for (LogEvent e = reader.next(); e != null; e = reader.next()) {
                    batch.add(prepare.apply(e));
                    if (batch.size() == BATCH) {
                        queue.put(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) queue.put(batch);
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                try {
                    queue.put(end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "ddx-log-reader");
        producer.setDaemon(true);
        producer.start();
        try {
            for (List<T> batch = queue.take(); batch != end; batch = queue.take()) batch.forEach(sink);
            producer.join();
        } catch (InterruptedException e) {
            producer.interrupt();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        } catch (RuntimeException e) {
            producer.interrupt();
            throw e;
        }
        if (failure[0] instanceof IOException io) throw io;
        if (failure[0] instanceof UncheckedIOException u) throw u.getCause();
        if (failure[0] instanceof RuntimeException r) throw r;
        if (failure[0] instanceof Error err) throw err;
    }
}
