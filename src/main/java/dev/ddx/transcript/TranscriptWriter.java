package dev.ddx.transcript;

import dev.ddx.event.SessionEvent;
import dev.ddx.event.SessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Writes one session's transcript as it happens: the header when opened, then one line per
 * event, each handed to the operating system before {@link #on} returns — so a session killed
 * at any moment leaves a valid transcript up to its last event. The file is created readable
 * and writable by its owner only (0600), since debugger output can hold anything.
 *
 * <p>A write that fails (a full disk) stops the transcript, never the session: the failure is
 * kept in {@link #failure()} for the command to report.
 */
public final class TranscriptWriter implements SessionListener, AutoCloseable {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private final TranscriptCodec codec;
    private FileChannel channel;
    private IOException failure;

    private TranscriptWriter(Path file, FileChannel channel, TranscriptCodec codec) {
        this.file = file;
        this.channel = channel;
        this.codec = codec;
    }

    /**
     * Creates (or replaces) {@code file} with mode 0600, creating missing parent directories
     * 0700, and writes the header.
     *
     * @param mask applied to every string before it is written
     */
    public static TranscriptWriter open(Path file, TranscriptHeader header, UnaryOperator<String> mask) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) Files.createDirectories(parent, dirAttributes());
            FileChannel ch = FileChannel.open(file, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING), fileAttributes());
            if (posix()) Files.setPosixFilePermissions(file, OWNER_ONLY); // an existing file keeps its mode otherwise
            TranscriptWriter w = new TranscriptWriter(file, ch, new TranscriptCodec(mask));
            w.writeLine(w.codec.headerLine(header));
            if (w.failure != null) throw w.failure;
            return w;
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the transcript " + file + ": " + ex.getMessage(), ex);
        }
    }

    public Path file() {
        return file;
    }

    /** Writes the event; the header already stands for the session's {@link SessionEvent.Started}. */
    @Override
    public void on(SessionEvent event) {
        if (event instanceof SessionEvent.Started) return;
        if (event instanceof SessionEvent.AnswerPart) return; // the whole Answer follows; parts only add noise
        writeLine(codec.eventLine(event));
        if (event instanceof SessionEvent.Ended) close(); // nothing follows the end
    }

    private synchronized void writeLine(String line) {
        if (channel == null || failure != null) return;
        try {
            ByteBuffer b = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) channel.write(b);
        } catch (IOException ex) {
            failure = ex;
        }
    }

    /** Why writing stopped, if it did. */
    public synchronized Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public synchronized void close() {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ex) {
            if (failure == null) failure = ex;
        }
        channel = null;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] fileAttributes() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] dirAttributes() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_DIR)} : new FileAttribute<?>[0];
    }
}
