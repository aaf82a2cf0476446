package dev.ddx.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The catalog's entries in a compact binary form, written at build time from the YAML files
 * (which stay the source of truth) and read at run time in milliseconds instead of the second a
 * cold YAML parse costs. Each packed file records a checksum of the YAML texts it was made from;
 * {@link #read} returns empty when the texts have changed since, so a stale packed form is never
 * used.
 */
final class PackedCatalog {
    /** The packed form's name next to the YAML files. */
    static final String FILE_NAME = "catalog.bin";
    private static final String MAGIC = "ddx-catalog-1";

    private PackedCatalog() {
    }

    /** A checksum of the catalog's texts (index first, then each file by name, in listing order). */
    static long checksum(String index, Map<String, String> files) {
        CRC32 crc = new CRC32();
        crc.update(index.getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> f : files.entrySet()) {
            crc.update(0);
            crc.update(f.getKey().getBytes(StandardCharsets.UTF_8));
            crc.update(0);
            crc.update(f.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return crc.getValue();
    }

    /** The packed bytes of these entries, made from texts with this checksum. */
    static byte[] write(List<PatternEntry> entries, String version, long checksum) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeLong(checksum);
            out.writeUTF(version);
            out.writeInt(entries.size());
            for (PatternEntry e : entries) writeEntry(out, e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot pack the catalog", e);
        }
        return bytes.toByteArray();
    }

    /** The entries packed in {@code bytes}, or empty when they were made from other texts or are not a packed catalog. */
    static Optional<List<PatternEntry>> read(byte[] bytes, long checksum) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (!MAGIC.equals(in.readUTF()) || in.readLong() != checksum) return Optional.empty();
            in.readUTF();
            int n = in.readInt();
            List<PatternEntry> entries = new ArrayList<>(n);
            for (int i = 0; i < n; i++) entries.add(readEntry(in));
            return Optional.of(entries);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void writeEntry(DataOutputStream out, PatternEntry e) throws IOException {
        writeString(out, e.id());
        writeString(out, e.name());
        writeString(out, e.category());
        writeList(out, e.aliases());
        writeString(out, e.summary());
        writeList(out, e.signals());
        writeList(out, e.counterSignals());
        Map<String, List<String>> commands = new TreeMap<>(e.commands());
        out.writeInt(commands.size());
        for (Map.Entry<String, List<String>> c : commands.entrySet()) {
            out.writeUTF(c.getKey());
            writeList(out, c.getValue());
        }
        writeList(out, e.related());
        writeList(out, e.fixes());
        writeString(out, e.detector().orElse(null));
        writeString(out, e.origin());
    }

    private static PatternEntry readEntry(DataInputStream in) throws IOException {
        String id = readString(in);
        String name = readString(in);
        String category = readString(in);
        List<String> aliases = readList(in);
        String summary = readString(in);
        List<String> signals = readList(in);
        List<String> counterSignals = readList(in);
        int n = in.readInt();
        Map<String, List<String>> commands = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) commands.put(in.readUTF(), readList(in));
        List<String> related = readList(in);
        List<String> fixes = readList(in);
        Optional<String> detector = Optional.ofNullable(readString(in));
        String origin = readString(in);
        return new PatternEntry(id, name, category, aliases, summary, signals, counterSignals, commands,
                related, fixes, detector, origin);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) out.writeUTF(s);
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeList(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) out.writeUTF(s);
    }

    private static List<String> readList(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(in.readUTF());
        return list;
    }

    /**
     * The build step: packs the YAML catalog in {@code args[0]} (a folder with index.txt) into
     * {@code args[1]}. Fails the build when the catalog is malformed.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String index = Files.readString(dir.resolve("index.txt"));
        Catalog.Texts texts = Catalog.Texts.of(index, name -> Files.readString(dir.resolve(name)));
        Catalog catalog = Catalog.parse(texts.files(), texts.version());
        Path target = Path.of(args[1]);
        Files.createDirectories(target.getParent());
        Files.write(target, write(catalog.all(), catalog.version(), checksum(index, texts.files())));
    }
}
