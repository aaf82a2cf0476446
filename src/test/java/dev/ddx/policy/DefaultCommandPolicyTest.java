package dev.ddx.policy;

import dev.ddx.error.CommandRefusedException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultCommandPolicyTest {
    private final DefaultCommandPolicy policy = new DefaultCommandPolicy();

    private void expect(String debugger, Class<? extends CommandPolicy.Verdict> want, String... commands) {
        List<String> wrong = new ArrayList<>();
        for (String c : commands) {
            CommandPolicy.Verdict v = policy.check(debugger, c);
            if (!want.isInstance(v)) wrong.add(debugger + " '" + c + "' -> " + v);
        }
        assertTrue(wrong.isEmpty(), "expected " + want.getSimpleName() + ": " + wrong);
    }

    @Test
    void gdbReadOnlyCommandsRun() {
        expect("gdb", CommandPolicy.Allow.class, "bt", "bt full", "backtrace 10", "thread apply all bt", "thread apply all bt full",
                "thread apply 1-3 -q bt", "info threads", "info registers", "info locals", "info sharedlibrary", "frame 2",
                "f 1", "up", "down", "list", "list parser.c:40", "print a->b2", "p *a", "p/x $rip", "p a == b", "p a != 0",
                "p a <= b", "x/16xg $sp", "x/s buf", "ptype struct msg", "whatis a", "disassemble", "info frame",
                "set print pretty on", "set pagination off", "show version", "info signals", "p sizeof(struct msg)",
                "p (char *) buf", "p \"a = b\"", "output a", "faas p $pc", "tfaas bt 1", "maint info sections", "echo hi\\n");
    }

    @Test
    void gdbCommandsThatChangeTheTargetOrTheMachineNeedConsent() {
        expect("gdb", CommandPolicy.Confirm.class, "shell rm -rf ~", "!rm -rf ~", "| ls", "pipe bt | grep x", "call abort()",
                "call free(p)", "print x = 5", "p x=5", "p counter++", "p x += 1", "print strlen(buf)", "p $_shell(\"id\")",
                "printf \"%d\", system(\"ls\")", "output getpid()", "x/s getenv(\"HOME\")", "set var x = 1",
                "set variable x=1", "set x = 1", "set $rip = 0", "set *(int*)0x1000 = 1", "kill", "k", "attach 1234",
                "detach", "run", "continue", "next", "step", "finish", "jump 42", "signal SIGKILL", "python import os",
                "py print(1)", "pi", "source /tmp/evil.gdb", "define hook", "compile code x=1", "generate-core-file",
                "dump memory /tmp/x 0 10", "restore f", "cd /", "thread apply all shell ls", "thread apply 1 call f()",
                "frame apply all -- shell ls", "tfaas shell ls", "faas call f()", "set logging file /tmp/x",
                "maint packet qRcmd", "eval \"shell ls\"", "with print pretty -- shell ls", "make");
    }

    @Test
    void gdbMultiLineTextIsRefusedOutright() {
        expect("gdb", CommandPolicy.Deny.class, "bt\nshell rm -rf ~", "print 1\r\nkill", "", "   ");
    }

    @Test
    void cdbReadOnlyCommandsRun() {
        expect("cdb", CommandPolicy.Allow.class, "k", "kb", "kP 20", "~*k", "~*kb", "~3s", "~", "lm", "lmv m ntdll", "!analyze -v",
                "!locks", "!cs -l", "!runaway", "!handle 0 f", ".lastevent", ".exr -1", ".ecxr", "r", "dt ntdll!_PEB",
                "dv /V", "dd esp", "db 0x1000 L20", "u eip", "uf MyFunc", "!teb", "~*k; !locks", "dx @$curthread");
    }

    @Test
    void cdbCommandsThatChangeTheTargetOrTheMachineNeedConsent() {
        expect("cdb", CommandPolicy.Confirm.class, ".shell dir", ".shell -ci \"k\" findstr x", ".kill", ".create notepad",
                "eb 0x1000 90", "ed esp 0", "eza 0x1000 \"x\"", "e 0x1000 1", "f 0x1000 L10 0", "g", "p", "t", "bp MyFunc",
                "r eip=0", ".call MyFunc(1)", ".dump /ma c:\\x.dmp", ".attach 0n42", "q", "!!dir", ".load evil.dll",
                "$$>a< script.txt", ".block { .shell dir }", "~* e 0x1000 1", "k; .shell dir",
                "dx Debugger.Utility.Control.ExecuteCommand(\".shell dir\")", ".writemem c:\\x 0 10");
    }

    @Test
    void pdbReadOnlyCommandsRun() {
        expect("pdb", CommandPolicy.Allow.class, "w", "where", "bt", "l", "ll", "list 10,20", "u", "up", "d", "down", "a",
                "args", "p x", "p self.queue", "pp vars(self)" .replace("vars(self)", "self.__dict__"), "p x == y", "p x[0]",
                "whatis x", "source MyClass", "retval", "h", "p 'a = b'", "p x;; p y");
    }

    @Test
    void pdbStatementsImportsAndAssignmentsNeedConsent() {
        expect("pdb", CommandPolicy.Confirm.class, "!import os", "!x = 1", "interact", "import os", "from os import system",
                "x = 5", "self.x = 1", "p os.system('ls')", "p __import__('os')", "pp open('/etc/passwd').read()",
                "p (x := 5)", "exec \"x=1\"", "del x", "c", "continue", "n", "s", "r", "j 10", "run", "restart", "q",
                "debug f()", "b 10", "commands 1", "p x;; !import os", "os.system('rm -rf ~')");
    }

    @Test
    void theGateRefusesHeadlessAndRunsWithConsentOrAllowUnsafe() {
        assertThrows(CommandRefusedException.class, () -> CommandGate.headless(false).admit("gdb", "shell rm -rf ~"));
        CommandGate.headless(true).admit("gdb", "shell ls");
        CommandGate.headless(false).admit("gdb", "bt");
        List<String> asked = new ArrayList<>();
        CommandGate gate = new CommandGate(new DefaultCommandPolicy(), (d, c, r) -> asked.add(c + " / " + r) && c.startsWith("call"));
        gate.admit("gdb", "call f()");
        CommandRefusedException e = assertThrows(CommandRefusedException.class, () -> gate.admit("gdb", "kill"));
        assertTrue(e.getMessage().contains("kills the target"), e.getMessage());
        assertEquals(List.of("call f() / calls a function in the target", "kill / kills the target"), asked);
        // a denied command never asks
        assertThrows(CommandRefusedException.class, () -> gate.admit("gdb", "bt\nkill"));
        assertEquals(2, asked.size());
    }
}
