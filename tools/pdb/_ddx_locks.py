"""Lock instrumentation for the ddx pdb driver.

Replaces threading.Lock and threading.RLock with thin wrappers before the program starts, so
that every lock the program (and threading.Condition, Semaphore, Event, queue.Queue, which build
on them) creates records its owner thread and the frame that took it. The fast path costs one
frame lookup and two attribute stores (the line is worked out from that frame only when a
snapshot is taken); a thread blocked in acquire() is recognised later by
its innermost frame being one of these methods, so waiting costs nothing extra.
"""
import sys
import threading
import weakref
import _thread

_allocate = _thread.allocate_lock
_CRLock = _thread.RLock
_c_acquire = _CRLock.acquire
_c_repr = _CRLock.__repr__
_ident = _thread.get_ident
_getframe = sys._getframe

# every instrumented lock still alive; read only when a snapshot is taken
registry = weakref.WeakSet()
# methods in which a thread waits to acquire one of these locks
WAIT_FUNCTIONS = ("acquire", "__enter__", "_acquire_restore")


class Lock:
    """threading.Lock that remembers its owner and the frame that took it."""

    __slots__ = ("_l", "_o", "_f", "__weakref__")
    kind = "threading.Lock"

    def __init__(self):
        self._l = _allocate()
        self._o = None
        self._f = None
        registry.add(self)

    def acquire(self, blocking=True, timeout=-1):
        if self._l.acquire(blocking, timeout):
            self._f = _getframe(1)
            self._o = _ident()
            return True
        return False

    def __enter__(self):
        self._l.acquire()
        self._f = _getframe(1)
        self._o = _ident()
        return True

    def release(self):
        self._f = self._o = None
        self._l.release()

    def __exit__(self, t, v, tb):
        self._f = self._o = None
        self._l.release()

    def locked(self):
        return self._l.locked()

    def _is_owned(self):
        # what threading.Condition assumes of a plain Lock (held by someone), without the
        # acquire(False)/release() probe it would otherwise make through these wrappers
        return self._l.locked()

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def _at_fork_reinit(self):
        self._l._at_fork_reinit()
        self._f = self._o = None

    def __repr__(self):
        return "<%s threading.Lock object at 0x%x>" % ("locked" if self._l.locked() else "unlocked", id(self))


class RLock(_CRLock):
    """threading.RLock: the C RLock itself, which tracks its owner and recursion count, with the
    frame of the latest acquisition recorded on the way in. release() stays in C, so the frame is
    only meaningful while the lock is held (owner_of reads the owner from the C lock)."""

    __slots__ = ("_f",)  # the C RLock already supports weak references
    kind = "threading.RLock"

    def __init__(self):
        self._f = None
        registry.add(self)

    def acquire(self, blocking=True, timeout=-1):
        if _c_acquire(self, blocking, timeout):
            self._f = _getframe(1)
            return True
        return False

    def __enter__(self):
        _c_acquire(self)
        self._f = _getframe(1)
        return True

    def __repr__(self):
        return _c_repr(self).replace(" RLock object", " threading.RLock object", 1)


def owner_of(lock):
    """(owner ident or None, the frame that took it or None)."""
    if isinstance(lock, RLock):
        text = _c_repr(lock)
        if not text.startswith("<locked"):
            return None, None
        owner = text.split("owner=", 1)[1].split(" ", 1)[0]
        return (int(owner) if owner.isdigit() else None), lock._f
    return lock._o, lock._f


def recursion(lock):
    """How many times the owner holds an RLock."""
    text = _c_repr(lock)
    return text.split("count=", 1)[1].split(" ", 1)[0] if "count=" in text else "?"


def is_instrumented(obj):
    return isinstance(obj, (Lock, RLock))


def install():
    """Swap the lock factories before the program imports anything."""
    threading.Lock = Lock
    threading.RLock = RLock
