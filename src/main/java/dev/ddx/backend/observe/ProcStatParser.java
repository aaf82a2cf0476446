package dev.ddx.backend.observe;

import java.util.OptionalLong;

/** Reads the numbers ddx samples from /proc text: CPU ticks of a task's {@code stat}, RSS of {@code statm}. */
public final class ProcStatParser {
    private ProcStatParser() {
    }

    /**
     * utime + stime in clock ticks from one {@code /proc/PID/task/TID/stat} line. The command
     * name in parentheses may itself hold spaces and parentheses, so fields are counted after the
     * last ')'.
     */
    public static OptionalLong cpuTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) return OptionalLong.empty();
        String[] f = stat.substring(close + 1).trim().split("\\s+");
        // after the name: state(3) ppid(4) ... utime is field 14, stime field 15 → index 11 and 12 here
        if (f.length < 13) return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Resident pages (second field) of a {@code /proc/PID/statm} line. */
    public static OptionalLong residentPages(String statm) {
        String[] f = statm.trim().split("\\s+");
        if (f.length < 2) return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseLong(f[1]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
