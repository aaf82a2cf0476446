package dev.ddx.backend.logs.read;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Timestamps without a year (syslog) are read against the time of reading, never placed in the future. */
class TimestampParserTest {
    static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void aYearlessDateIsThisYearsUnlessThatIsMoreThanADayAhead() {
        TimestampParser p = new TimestampParser(NOW);
        assertEquals(Optional.of(Instant.parse("2026-11-21T08:59:00Z")), p.parse("Nov 21 08:59:00 host sshd[1]: x"));
        assertEquals(Optional.of(Instant.parse("2026-06-14T15:16:01Z")), p.parse("Jun 14 15:16:01 combo sshd(pam_unix)[19937]: x"));
        // within a day ahead: a server in a time zone east of UTC, not last year
        assertEquals(Optional.of(Instant.parse("2026-11-22T03:00:00Z")), p.parse("Nov 22 03:00:00 host cron[2]: x"));
        // the OpenSSH sample's "Dec 10", read in November, was written last December
        assertEquals(Optional.of(Instant.parse("2025-12-10T06:55:46Z")), p.parse("Dec 10 06:55:46 LabSZ sshd[24200]: x"));
    }

    @Test
    void aGivenYearIsKeptAsItIs() {
        assertEquals(Optional.of(Instant.parse("2024-12-10T06:55:46Z")), new TimestampParser(2024).parse("Dec 10 06:55:46 LabSZ sshd[24200]: x"));
    }

    @Test
    void timestampsWithAYearAreNotMoved() {
        assertEquals(Optional.of(Instant.parse("2027-03-01T10:00:00.001Z")),
                new TimestampParser(NOW).parse("2027-03-01 10:00:00,001 INFO [main] app: x"));
    }
}
