package dev.ddx.catalog;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog's cdb commands use real command words. cdb runs only on Windows, so unlike gdb and
 * pdb these cannot be run here; each command's word is checked against the commands, meta-commands
 * ({@code .}) and extension commands ({@code !}) that cdb and WinDbg document.
 */
class CatalogCdbCommandsTest {
    /** Regular commands. */
    static final Set<String> REGULAR = Set.of("?", "??", "a", "ba", "bc", "bd", "be", "bl", "bp", "bu", "bm", "db",
            "dd", "dq", "dps", "dpp", "da", "du", "dt", "dv", "dx", "e", "g", "gu", "k", "kb", "kc", "kd", "kn", "kp",
            "kP", "kv", "lm", "lmv", "lmi", "lmm", "ln", "ls", "lsa", "lsf", "p", "pa", "pc", "q", "r", "s", "t", "ta",
            "tc", "u", "ub", "uf", "vertarget", "version", "wt", "x", "|", "sx", "sxe", "sxd", "sxi", "$$><", "$$>a<", "$<");
    /** Meta-commands. */
    static final Set<String> META = Set.of(".chain", ".cxr", ".ecxr", ".exr", ".frame", ".jdinfo", ".lastevent",
            ".loadby", ".load", ".logopen", ".logclose", ".logappend", ".reload", ".symfix", ".sympath", ".time",
            ".foreach", ".echo", ".printf", ".dump", ".kframes", ".effmach", ".thread", ".process", ".ttime",
            ".childdbg", ".detach", ".restart");
    /** Extension commands (ext, exts, uext, ntsdexts, SOS). */
    static final Set<String> EXTENSIONS = Set.of("!analyze", "!address", "!chkimg", "!clrstack", "!cs", "!dlls",
            "!dumpheap", "!for_each_frame", "!gle", "!error", "!handle", "!heap", "!htrace", "!locks", "!pe", "!peb",
            "!runaway", "!teb", "!threads", "!uniqstack", "!syncblk", "!dumpobj", "!do", "!eeheap", "!gcroot",
            "!vprot", "!vadump", "!sym", "!lmi", "!dh", "!critsec");
    /** What may follow a thread prefix such as {@code ~*} or {@code ~3}. */
    static final Set<String> AFTER_THREAD = Set.of("", "s", "f", "u", "n", "m", "e", "k", "kb", "kn", "kP", "kv", "kc");

    @Test
    void everyCdbCommandOfTheCatalogStartsWithADocumentedCommandWord() {
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (PatternEntry e : Catalog.load().all()) {
            for (String cmd : e.commandsFor("cdb")) {
                checked++;
                if (!known(cmd)) unknown.add(e.id() + ": " + cmd);
            }
        }
        System.out.println("catalog cdb commands: " + checked + " checked against the documented command words");
        assertTrue(unknown.isEmpty(), "cdb commands with unknown command words:\n" + String.join("\n", unknown));
    }

    @Test
    void theWordCheckRejectsWhatCdbWouldNotKnow() {
        assertTrue(known("~*kb"));
        assertTrue(known("~THREADs"));
        assertTrue(known("!analyze -v"));
        assertEquals(false, known("!analyse -v"));
        assertEquals(false, known("thread apply all bt"));
        assertEquals(false, known("~*bt"));
    }

    static boolean known(String command) {
        String c = command.strip();
        if (c.startsWith("~")) {
            String rest = c.substring(1);
            if (rest.startsWith("THREAD")) rest = rest.substring("THREAD".length());
            else while (!rest.isEmpty() && ("*.#".indexOf(rest.charAt(0)) >= 0 || Character.isDigit(rest.charAt(0)))) rest = rest.substring(1);
            return AFTER_THREAD.contains(rest.split("\\s", 2)[0]);
        }
        String word = c.split("\\s", 2)[0];
        if (word.startsWith("!")) return EXTENSIONS.contains(word);
        if (word.startsWith(".")) return META.contains(word);
        return REGULAR.contains(word);
    }
}
