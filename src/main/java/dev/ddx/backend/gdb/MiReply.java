package dev.ddx.backend.gdb;

/**
 * One GDB/MI reply taken apart: the result class of its result record and the text of its
 * stream records.
 *
 * @param resultClass done, running, connected, error or exit
 * @param error       the error message of an {@code ^error} record, or empty
 * @param console     the console stream ({@code ~}) joined: what a console command printed
 * @param log         the log stream ({@code &}) joined: gdb's warnings and echoed commands
 */
public record MiReply(String resultClass, String error, String console, String log) {

    public boolean isError() {
        return "error".equals(resultClass);
    }

    /** Console and log text together, as a user of the gdb console would have seen it. */
    public String text() {
        return log.isEmpty() ? console : console.isEmpty() ? log : console + log;
    }
}
