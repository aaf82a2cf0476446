package dev.ddx.backend.logs.summary;

/**
 * What was read from one source.
 *
 * @param name           the source's name
 * @param header         the header spec used (given or detected)
 * @param lines          lines read
 * @param events         events after folding
 * @param skippedBytes   bytes of binary garbage skipped
 * @param truncatedLines lines longer than the line limit, cut
 */
public record SourceStat(String name, String header, long lines, long events, long skippedBytes, long truncatedLines) {
}
