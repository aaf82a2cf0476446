package dev.ddx.cli;

import dev.ddx.event.SessionEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeldEventsTest {

    @Test
    void eventsBeforeReleaseArriveAfterTheHeaderAndInOrder() {
        List<String> seen = new ArrayList<>();
        HeldEvents held = new HeldEvents();
        held.on(new SessionEvent.Notice(Instant.EPOCH, "gdb started"));
        held.on(new SessionEvent.Notice(Instant.EPOCH, "core loaded"));
        seen.add("header");
        held.release(e -> seen.add(((SessionEvent.Notice) e).text()));
        held.on(new SessionEvent.Notice(Instant.EPOCH, "snapshot"));
        assertEquals(List.of("header", "gdb started", "core loaded", "snapshot"), seen);
    }
}
