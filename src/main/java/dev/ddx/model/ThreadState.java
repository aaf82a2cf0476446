package dev.ddx.model;

/** What a thread was doing when the snapshot was taken. */
public enum ThreadState {
    /** on CPU or ready to run */
    RUNNING,
    /** waiting to acquire a lock (mutex, critical section, monitor) */
    BLOCKED,
    /** waiting on a condition, queue, event or join */
    WAITING,
    /** in a timed sleep */
    SLEEPING,
    /** blocked in a system call on I/O (read, recv, poll, accept) */
    IO_WAIT,
    /** stopped by a debugger or signal */
    STOPPED,
    UNKNOWN
}
