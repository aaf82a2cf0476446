package dev.ddx.backend.text;

import dev.ddx.error.TargetUnreadableException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of a saved log into text: UTF-8, or UTF-16 as WinDbg's {@code .logopen /u} and
 * PowerShell redirection write it (with or without a byte-order mark). Binary files (a core
 * file, a minidump) are refused with a hint instead of being read as garbage.
 */
final class TextDecoder {
    private TextDecoder() {
    }

    static String decode(byte[] bytes, String file) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        int sample = Math.min(bytes.length, 4096);
        int zeros = 0;
        int oddZeros = 0;
        for (int i = start; i < sample; i++) {
            if (bytes[i] == 0) {
                zeros++;
                if ((i & 1) == 1) oddZeros++;
            }
        }
        if (sample > 16 && oddZeros > sample / 3 && oddZeros >= zeros * 9 / 10) {
            return new String(bytes, StandardCharsets.UTF_16LE);
        }
        if (zeros * 100 > sample || binary(bytes, start, sample)) {
            throw new TargetUnreadableException("dump " + file + " is binary data, not saved debugger text",
                    "for a core file use --core FILE --exe PROGRAM; for a Windows dump use --cdb-dump FILE on Windows");
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return d.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
        }
    }

    /** More than a tenth of control bytes (other than tab, CR, LF, ESC, FF) means this is not text. */
    private static boolean binary(byte[] bytes, int from, int to) {
        int control = 0;
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x1b && b != '\f') control++;
        }
        return to - from > 0 && control * 10 > to - from;
    }
}
