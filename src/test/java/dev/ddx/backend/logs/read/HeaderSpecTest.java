package dev.ddx.backend.logs.read;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HeaderSpecTest {
    private static ParsedHeader parse(String spec, String line) {
        return new HeaderParser(HeaderSpec.parse(spec), new TimestampParser(2020)).parse(line);
    }

    @Test
    void aLogpaiSpecReadsTimeLevelComponentAndContent() {
        ParsedHeader h = parse("<Date> <Time> <Pid> <Level> <Component>: <Content>",
                "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating");
        assertEquals(Instant.parse("2008-11-09T20:36:15Z"), h.time().orElseThrow());
        assertEquals("INFO", h.level());
        assertEquals("148", h.thread());
        assertEquals("dfs.DataNode$PacketResponder", h.component());
        assertEquals("PacketResponder 1 for block blk_38865049064139660 terminating", h.content());
    }

    @Test
    void anOptionalPartInParenthesesMayBeAbsent() {
        String spec = "<Month> <Date> <Time> <Level> <Component>(\\[<PID>\\])?: <Content>";
        assertEquals("check pass; user unknown", parse(spec, "Jun 14 15:16:02 combo sshd(pam_unix)[19937]: check pass; user unknown").content());
        ParsedHeader h = parse(spec, "Jun 15 04:06:18 combo su(pam_unix)[21416]: session opened for user cyrus by (uid=0)");
        assertEquals("su(pam_unix)", h.component());
        assertEquals("klogind: Authentication failed", parse(spec, "Jun 16 04:10:22 combo klogind: klogind: Authentication failed").component() + ": Authentication failed");
    }

    @Test
    void bracketsWrittenPlainAreLiteral() {
        ParsedHeader h = parse("[<Time>] [<Level>] <Content>", "[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok");
        assertEquals("INFO", h.level());
        assertEquals(Instant.parse("2005-12-04T04:47:44Z"), h.time().orElseThrow());
        assertEquals("workerEnv.init() ok", h.content());
    }

    @Test
    void aLineWithoutTheHeaderDoesNotMatch() {
        assertNull(parse("<Date> <Time> <Level> <Component>: <Content>", "\tat com.example.Main.run(Main.java:10)"));
    }

    @Test
    void aSpecWithoutContentIsRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeaderSpec.parse("<Date> <Time>"));
        assertEquals("header spec has no <Content> field: <Date> <Time>", e.getMessage());
    }
}
