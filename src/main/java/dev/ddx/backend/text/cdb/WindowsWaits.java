package dev.ddx.backend.text.cdb;

import dev.ddx.model.CodeOwner;
import dev.ddx.model.StackFrame;
import dev.ddx.model.ThreadState;
import dev.ddx.model.Variable;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a Windows thread waits for, read from the system calls on top of its stack: a critical
 * section (and which one, from the first argument cdb printed for the call), an object wait, a
 * sleep, or I/O. Only frames above the program's own code count.
 */
final class WindowsWaits {
    private static final Set<String> CS_ENTER = Set.of("RtlEnterCriticalSection", "EnterCriticalSection");
    private static final Set<String> CS_WAIT = Set.of("RtlpWaitForCriticalSection", "RtlpWaitOnCriticalSection",
            "RtlpEnterCriticalSectionContended");
    private static final Set<String> WAITS = Set.of("NtWaitForSingleObject", "ZwWaitForSingleObject",
            "NtWaitForMultipleObjects", "ZwWaitForMultipleObjects", "WaitForSingleObject", "WaitForSingleObjectEx",
            "WaitForMultipleObjects", "WaitForMultipleObjectsEx", "NtUserGetMessage", "NtUserWaitMessage",
            "NtUserMsgWaitForMultipleObjectsEx", "NtRemoveIoCompletion", "NtWaitForAlertByThreadId",
            "RtlSleepConditionVariableCS", "RtlSleepConditionVariableSRW", "NtWaitForWorkViaWorkerFactory",
            "ZwRemoveIoCompletion", "NtAlertThreadByThreadId", "KiFastSystemCallRet", "NtReplyWaitReceivePort",
            "ZwReplyWaitReceivePort", "NtReplyWaitReceivePortEx", "ZwReplyWaitReceivePortEx", "NtWaitForKeyedEvent");
    private static final Set<String> SLEEPS = Set.of("NtDelayExecution", "ZwDelayExecution", "SleepEx", "Sleep");
    private static final Set<String> IO = Set.of("NtReadFile", "ZwReadFile", "NtWriteFile", "NtDeviceIoControlFile",
            "ZwDeviceIoControlFile", "recv", "WSARecv", "accept", "select", "NtFsControlFile");

    private WindowsWaits() {
    }

    static String base(String function) {
        String f = function;
        while (f.startsWith("_")) f = f.substring(1);
        int at = f.indexOf('@');
        return at > 0 ? f.substring(0, at) : f;
    }

    /** The address of the critical section the thread waits to enter, if its stack shows one with its argument. */
    static Optional<String> criticalSection(List<StackFrame> frames) {
        String fromWait = null;
        for (StackFrame f : frames) {
            if (f.owner() == CodeOwner.USER) break;
            String b = base(f.function());
            boolean enter = CS_ENTER.contains(b);
            if (!enter && !CS_WAIT.contains(b)) continue;
            Optional<String> arg = f.arguments().stream().filter(v -> v.name().equals("arg1")).map(Variable::value).findFirst();
            if (arg.isEmpty()) continue;
            if (enter) return Optional.of(CdbLockParser.address(arg.get()));
            if (fromWait == null) fromWait = CdbLockParser.address(arg.get());
        }
        return Optional.ofNullable(fromWait);
    }

    static ThreadState state(List<StackFrame> frames) {
        if (criticalSection(frames).isPresent()) return ThreadState.BLOCKED;
        for (StackFrame f : frames) {
            if (f.owner() == CodeOwner.USER) break;
            String b = base(f.function());
            if (CS_ENTER.contains(b) || CS_WAIT.contains(b)) return ThreadState.BLOCKED;
            if (SLEEPS.contains(b)) return ThreadState.SLEEPING;
            if (IO.contains(b)) return ThreadState.IO_WAIT;
            if (WAITS.contains(b)) return ThreadState.WAITING;
        }
        return ThreadState.UNKNOWN;
    }
}
