package dev.ddx.backend.logs.read;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The header of a sample is the one most of its lines have, however the lines are ordered. */
class HeaderDetectorTest {
    private static final String JAVA = "2024-03-01 10:00:00,001 INFO [main] app.Server: started %d";
    private static final String SYSLOG = "Mar  1 10:00:00 host sshd[%d]: session opened";

    private static List<String> lines(String form, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(String.format(form, i));
        return out;
    }

    private static String detect(List<String> sample) {
        return HeaderDetector.detect(sample).text();
    }

    @Test
    void theHeaderOfMostLinesWinsWhereverTheyStand() {
        String java = detect(lines(JAVA, 1));
        String syslog = detect(lines(SYSLOG, 1));
        assertNotEquals(java, syslog);
        List<String> sample = lines(SYSLOG, 99);
        sample.addAll(lines(JAVA, 101));
        assertEquals(java, detect(sample), "101 lines of one header after 99 of another");
        Collections.reverse(sample);
        assertEquals(java, detect(sample), "and before them");
        List<String> mixed = new ArrayList<>();
        for (int i = 0; i < 200; i++) mixed.add(String.format(i % 3 == 0 ? JAVA : SYSLOG, i));
        assertEquals(syslog, detect(mixed), "two lines in three");
    }

    @Test
    void aTieGoesToTheHeaderThatReachedItFirst() {
        List<String> sample = lines(JAVA, 100);
        sample.addAll(lines(SYSLOG, 100));
        assertEquals(detect(lines(JAVA, 1)), detect(sample));
        List<String> other = lines(SYSLOG, 100);
        other.addAll(lines(JAVA, 100));
        assertEquals(detect(lines(SYSLOG, 1)), detect(other));
    }
}
