"""Lock instrumentation for the ddx pdb driver.

Replaces threading.Lock and threading.RLock with thin wrappers before the program starts, so
that every lock the program (and threading.Condition, Semaphore, Event, queue.Queue, which build
on them) creates records its owner thread and the frame that took it. The fast path costs one
frame lookup and three attribute stores; a thread blocked in acquire() is recognised later by
its innermost frame being one of these methods, so waiting costs nothing extra.
"""
import sys
import threading
import weakref
import _thread

_allocate = _thread.allocate_lock
_CRLock = _thread.RLock
_ident = _thread.get_ident
_getframe = sys._getframe

# every instrumented lock still alive; read only when a snapshot is taken
registry = weakref.WeakSet()
# methods in which a thread waits to acquire one of these locks
WAIT_FUNCTIONS = ("acquire", "__enter__", "_acquire_restore")


class Lock:
    """threading.Lock that remembers its owner and where it was taken."""

    __slots__ = ("_l", "_o", "_f", "_n", "__weakref__")
    kind = "threading.Lock"

    def __init__(self):
        self._l = _allocate()
        self._o = None
        self._f = None
        self._n = 0
        registry.add(self)

    def acquire(self, blocking=True, timeout=-1):
        if self._l.acquire(blocking, timeout):
            f = _getframe(1)
            self._o = _ident()
            self._f = f
            self._n = f.f_lineno
            return True
        return False

    def __enter__(self):
        if self._l.acquire():
            f = _getframe(1)
            self._o = _ident()
            self._f = f
            self._n = f.f_lineno
            return True
        return False

    def release(self):
        self._o = None
        self._f = None
        self._l.release()

    def __exit__(self, *exc):
        self._o = None
        self._f = None
        self._l.release()

    def locked(self):
        return self._l.locked()

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def _at_fork_reinit(self):
        self._l._at_fork_reinit()
        self._o = None
        self._f = None

    def __repr__(self):
        return "<%s threading.Lock object at 0x%x>" % ("locked" if self._l.locked() else "unlocked", id(self))


class RLock:
    """threading.RLock that remembers its owner, recursion count and where it was first taken."""

    __slots__ = ("_l", "_o", "_f", "_n", "_c", "__weakref__")
    kind = "threading.RLock"

    def __init__(self):
        self._l = _CRLock()
        self._o = None
        self._f = None
        self._n = 0
        self._c = 0
        registry.add(self)

    def acquire(self, blocking=True, timeout=-1):
        me = _ident()
        if self._o == me:
            self._l.acquire()
            self._c += 1
            return True
        if self._l.acquire(blocking, timeout):
            f = _getframe(1)
            self._o = me
            self._f = f
            self._n = f.f_lineno
            self._c = 1
            return True
        return False

    def __enter__(self):
        me = _ident()
        if self._o == me:
            self._l.acquire()
            self._c += 1
            return True
        self._l.acquire()
        f = _getframe(1)
        self._o = me
        self._f = f
        self._n = f.f_lineno
        self._c = 1
        return True

    def release(self):
        if self._o != _ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._c -= 1
        if not self._c:
            self._o = None
            self._f = None
        self._l.release()

    def __exit__(self, *exc):
        self.release()

    def locked(self):
        return self._o is not None

    def _is_owned(self):
        return self._o == _ident()

    def _release_save(self):
        saved = (self._c, self._o, self._f, self._n)
        self._c = 0
        self._o = None
        self._f = None
        return (self._l._release_save(), saved)

    def _acquire_restore(self, state):
        inner, saved = state
        self._l._acquire_restore(inner)
        self._c, self._o, self._f, self._n = saved

    def _at_fork_reinit(self):
        self._l._at_fork_reinit()
        self._o = None
        self._f = None
        self._c = 0

    def __repr__(self):
        return "<%s threading.RLock object owner=%r count=%d at 0x%x>" % (
            "locked" if self._o is not None else "unlocked", self._o, self._c, id(self))


def owner_of(lock):
    """(owner ident or None, frame that took it or None, line it was taken at)."""
    return lock._o, lock._f, lock._n


def is_instrumented(obj):
    return isinstance(obj, (Lock, RLock))


def install():
    """Swap the lock factories before the program imports anything."""
    threading.Lock = Lock
    threading.RLock = RLock
