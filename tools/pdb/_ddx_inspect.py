"""What the ddx pdb driver reports: stacks, thread states, the lock graph, exception chains,
loaded modules. Everything returned is plain JSON-ready data with bounded sizes."""
import gc
import linecache
import os
import reprlib
import site
import sys
import sysconfig
import threading

import _ddx_locks

DRIVER_DIR = os.path.dirname(os.path.abspath(__file__))
MAX_FRAMES = 64          # innermost frames kept per stack
MAX_OUTER = 8            # outermost frames kept beside them when a stack is cut
MAX_LOCALS = 24
LOCAL_FRAMES = 12        # frames per thread whose locals are collected

_repr = reprlib.Repr()
_repr.maxstring = 160
_repr.maxother = 160
_repr.maxlist = _repr.maxtuple = _repr.maxset = _repr.maxdict = 12
_repr.maxlevel = 3

# x86_64 syscall numbers seen in /proc/self/task/TID/syscall while a thread blocks
_SLEEP_CALLS = {35, 230}
_IO_CALLS = {0, 7, 17, 19, 23, 43, 45, 47, 232, 270, 271, 281, 288}
_WAIT_CALLS = {61, 247}
_BOOKKEEPING_FILES = ("bdb.py", "pdb.py")


def _dirs():
    lib, system = [], []
    for getter in (lambda: site.getsitepackages(), lambda: [site.getusersitepackages()]):
        try:
            lib.extend(getter())
        except Exception:
            pass
    paths = sysconfig.get_paths()
    lib.extend([paths.get("purelib", ""), paths.get("platlib", "")])
    system.extend([paths.get("stdlib", ""), paths.get("platstdlib", "")])
    lib = [os.path.realpath(p) + os.sep for p in lib if p]
    system = [os.path.realpath(p) + os.sep for p in system if p]
    return tuple(sorted(set(lib))), tuple(sorted(set(system)))


LIB_DIRS, SYSTEM_DIRS = _dirs()
_owner_cache = {}


def owner(filename):
    """user, library, system or driver for a code file."""
    o = _owner_cache.get(filename)
    if o is not None:
        return o
    if filename.startswith("<"):
        o = "system" if filename.startswith("<frozen") else "user"
    else:
        real = os.path.realpath(filename)
        if real.startswith(DRIVER_DIR + os.sep):
            o = "driver"
        elif any(real.startswith(d) for d in LIB_DIRS) or "site-packages" in real or "dist-packages" in real:
            o = "library"
        elif any(real.startswith(d) for d in SYSTEM_DIRS):
            o = "system"
        else:
            o = "user"
    _owner_cache[filename] = o
    return o


def is_bookkeeping(frame):
    """Frames of the driver itself, bdb and pdb, hidden from the user."""
    fn = frame.f_code.co_filename
    return owner(fn) == "driver" or (owner(fn) == "system" and os.path.basename(fn) in _BOOKKEEPING_FILES)


def safe_repr(value):
    try:
        return _repr.repr(value)
    except Exception as e:  # a broken __repr__ must not break the snapshot
        return "<repr failed: %s>" % type(e).__name__


def _locals(frame):
    out = []
    try:
        items = list(frame.f_locals.items())
    except Exception:
        return out
    for name, value in items[:MAX_LOCALS]:
        if name.startswith("__") and name.endswith("__"):
            continue
        out.append([name, type(value).__name__, safe_repr(value)])
    return out


def frame_record(frame, lineno, with_locals):
    code = frame.f_code
    fn = code.co_filename
    text = linecache.getline(fn, lineno, frame.f_globals).strip() if lineno else ""
    rec = {
        "file": fn,
        "line": lineno,
        "function": code.co_name,
        "module": frame.f_globals.get("__name__", "") if isinstance(frame.f_globals, dict) else "",
        "text": text,
        "owner": owner(fn),
    }
    if with_locals:
        rec["locals"] = _locals(frame)
    return rec


def _cut(frames):
    """Keeps the innermost MAX_FRAMES and the outermost MAX_OUTER, each with its true index."""
    indexed = list(enumerate(frames))
    if len(indexed) <= MAX_FRAMES + MAX_OUTER:
        return indexed
    return indexed[:MAX_FRAMES] + indexed[-MAX_OUTER:]


def stack_of(frame):
    """Frames of a live thread, innermost first, without driver bookkeeping at either end."""
    frames = []
    f = frame
    while f is not None:
        frames.append((f, f.f_lineno))
        f = f.f_back
    return _visible(frames)


def stack_of_traceback(tb):
    frames = []
    while tb is not None:
        frames.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    frames.reverse()
    return _visible(frames)


def _visible(frames):
    # innermost first; drop the driver's own frames at the outer end (driver main, bdb.run, exec)
    while frames and is_bookkeeping(frames[-1][0]):
        frames.pop()
    return frames


def records(frames, local_frames=LOCAL_FRAMES):
    out = []
    for i, (f, line) in _cut(frames):
        rec = frame_record(f, line, i < local_frames)
        rec["index"] = i
        out.append(rec)
    return out


def type_name(exc):
    t = type(exc)
    mod = getattr(t, "__module__", "builtins")
    return t.__qualname__ if mod in ("builtins", "__main__") else mod + "." + t.__qualname__


def exception_chain(exc, thread_id=None):
    """The exception and its __cause__/__context__ links, outermost (raised last) first."""
    chain, seen = [], set()
    relation = None
    while exc is not None and id(exc) not in seen and len(chain) < 32:
        seen.add(id(exc))
        link = {
            "type": type_name(exc),
            "message": _message(exc),
            "frames": records(stack_of_traceback(exc.__traceback__), 6),
            "relation": relation,
        }
        if thread_id is not None:
            link["thread"] = thread_id
        chain.append(link)
        if exc.__cause__ is not None:
            exc, relation = exc.__cause__, "cause"
        elif exc.__context__ is not None and not exc.__suppress_context__:
            exc, relation = exc.__context__, "context"
        else:
            exc = None
    return chain


def _message(exc):
    try:
        text = str(exc)
    except Exception:
        text = "<str failed>"
    if isinstance(exc, SyntaxError) and exc.filename:
        text = "%s (%s:%s)" % (exc.msg, exc.filename, exc.lineno)
    return text[:2000]


# ---------------------------------------------------------------- threads and locks

def _proc_task(tid, name):
    try:
        with open("/proc/self/task/%d/%s" % (tid, name)) as f:
            return f.read()
    except OSError:
        return ""


def cpu_ticks(tid):
    """utime + stime of a thread, in clock ticks."""
    stat = _proc_task(tid, "stat")
    if not stat:
        return None
    fields = stat[stat.rfind(")") + 2:].split()
    try:
        return int(fields[11]) + int(fields[12])
    except (IndexError, ValueError):
        return None


def _kernel_state(tid):
    stat = _proc_task(tid, "stat")
    state = stat[stat.rfind(")") + 2:stat.rfind(")") + 3] if stat else ""
    call = _proc_task(tid, "syscall").split()
    try:
        number = int(call[0]) if call and call[0] != "running" else None
    except ValueError:
        number = None
    return state, number


def _lock_waited(frame):
    """The instrumented lock a thread is blocked on, when its innermost frame waits for one."""
    if frame.f_code.co_name in _ddx_locks.WAIT_FUNCTIONS and owner(frame.f_code.co_filename) == "driver":
        lock = frame.f_locals.get("self")
        if _ddx_locks.is_instrumented(lock):
            return lock
    return None


def _wait_target(frames):
    """(state, kind, object, label) for a thread waiting in threading/queue code, else None."""
    names = [(os.path.basename(f.f_code.co_filename), f.f_code.co_name, f) for f, _ in frames[:6]]
    for i, (file, func, f) in enumerate(names):
        if file == "threading.py" and (func == "_wait_for_tstate_lock" or func == "join" and i == 0):
            # 3.8-3.12 wait in _wait_for_tstate_lock; 3.13 joins in C right under Thread.join
            thread = f.f_locals.get("self")
            return ("WAITING", "threading.Thread.join", thread, "join() of thread %s" % getattr(thread, "name", "?"))
        if file == "threading.py" and func == "wait" and i + 1 <= len(names):
            outer = names[i + 1] if i + 1 < len(names) else ("", "", None)
            cond = f.f_locals.get("self")
            if outer[0] == "queue.py" and outer[1] == "get":
                q = outer[2].f_locals.get("self")
                return ("WAITING", "queue.Queue", q, "get() on an empty queue")
            if outer[0] == "queue.py" and outer[1] == "put":
                q = outer[2].f_locals.get("self")
                return ("WAITING", "queue.Queue", q, "put() on a full queue")
            if outer[0] == "threading.py" and outer[1] == "acquire":
                sem = outer[2].f_locals.get("self")
                return ("BLOCKED", type(sem).__module__ + "." + type(sem).__name__, sem, "acquire() of a semaphore")
            if outer[0] == "threading.py" and outer[1] == "wait":
                ev = outer[2].f_locals.get("self")
                return ("WAITING", "threading." + type(ev).__name__, ev, "wait() on an event")
            if outer[0] == "threading.py" and outer[1] == "wait_for":
                return ("WAITING", "threading.Condition", cond, "wait_for() on a condition")
            return ("WAITING", "threading.Condition", cond, "wait() on a condition")
    return None


def _taken_at(frame, name, owner_frames):
    """Where the program took a lock, as file:line.

    The lock recorded only the frame that took it (cheap); that frame has moved on since, or
    returned. So: from the line it is at now (or ended at), look back within its function for the
    statement that takes the lock by name. Locks taken inside threading or queue code (a
    Condition's lock) are traced to the owner's innermost frame of its own code instead."""
    f = frame
    if f is None or _is_sync_internal(f):
        f = next((fr for fr, _ in owner_frames if not _is_sync_internal(fr) and owner(fr.f_code.co_filename) != "driver"), None)
        if f is None:
            return None
    code = f.f_code
    now = f.f_lineno or code.co_firstlineno
    short = name.rsplit(".", 1)[-1] if name else ""
    if short:
        for ln in range(now, code.co_firstlineno - 1, -1):
            text = linecache.getline(code.co_filename, ln)
            if short in text and ("with" in text or "acquire" in text):
                return "%s:%d" % (code.co_filename, ln)
    return "%s:%d" % (code.co_filename, now)


def _is_sync_internal(frame):
    fn = frame.f_code.co_filename
    return os.path.basename(fn) in ("threading.py", "queue.py") and owner(fn) == "system"


def lock_name(obj):
    """A readable name for a lock or queue: the global or attribute that holds it, else a local."""
    if isinstance(obj, threading.Thread):
        return obj.name
    try:
        referrers = gc.get_referrers(obj)
    except Exception:
        return ""
    best = (9, "")
    for ref in referrers:
        if not isinstance(ref, dict):
            continue
        key = next((k for k, v in ref.items() if v is obj and isinstance(k, str)), None)
        if key is None:
            continue
        if "__name__" in ref and "__builtins__" in ref:  # a module's globals
            name = key if ref.get("__name__") == "__main__" else "%s.%s" % (ref["__name__"], key)
            best = min(best, (0, name))
            continue
        for holder in gc.get_referrers(ref):
            if getattr(holder, "__dict__", None) is ref and not isinstance(holder, type):
                best = min(best, (1, "%s.%s" % (type(holder).__name__, key)))
        if key != "self":  # a frame's locals, as materialised by f_locals
            best = min(best, (2, key))
    return best[1]


def threads_and_locks():
    """Every thread but the driver's own, with stacks and states, and the lock graph."""
    frames_by_ident = sys._current_frames()
    threads = {t.ident: t for t in threading.enumerate()}
    me = threading.get_ident()
    before = {}
    for ident, t in threads.items():
        nid = getattr(t, "native_id", None)
        if nid:
            before[ident] = cpu_ticks(nid)
    out, waits, stacks = [], {}, {}
    for ident, frame in sorted(frames_by_ident.items(), key=lambda kv: _order(threads.get(kv[0]))):
        t = threads.get(ident)
        if ident == me or getattr(t, "_ddx_driver", False):
            continue
        native = getattr(t, "native_id", None)
        raw = []
        f = frame
        while f is not None:
            raw.append((f, f.f_lineno))
            f = f.f_back
        lock = _lock_waited(raw[0][0]) if raw else None
        visible = [fr for fr in _visible(raw) if not is_bookkeeping(fr[0])]
        if not visible:  # the main thread after the program ended: only the driver waits there
            continue
        stacks[ident] = visible
        state, target = _state(native, lock, visible)
        tid = str(native or ident)
        if target is not None:
            waits[tid] = target
        out.append({
            "id": tid,
            "ident": ident,
            "native_id": native,
            "name": t.name if t is not None else "thread-%d" % ident,
            "daemon": bool(t.daemon) if t is not None else False,
            "state": state,
            "waiting_for": target[3] if target is not None else "",
            "depth": len(visible),
            "frames": records(visible),
            "cpu_ticks": cpu_ticks(native) if native else None,
        })
    return out, _lock_graph(out, waits, stacks)


def _order(t):
    if t is None:
        return (2, "")
    return (0 if t is threading.main_thread() else 1, str(getattr(t, "native_id", "")))


def _state(native, lock, frames):
    if lock is not None:
        return "BLOCKED", ("BLOCKED", lock.kind, lock, "acquire() of a %s" % lock.kind)
    target = _wait_target(frames)
    if target is not None:
        return target[0], target
    if not native:
        return "UNKNOWN", None
    kstate, call = _kernel_state(native)
    if kstate == "R":
        return "RUNNING", None
    if call in _SLEEP_CALLS:
        return "SLEEPING", None
    if call in _IO_CALLS:
        return "IO_WAIT", None
    if call in _WAIT_CALLS:
        return "WAITING", None
    # a thread that only waits for the GIL is running Python code
    return "RUNNING", None


def _lock_graph(threads, waits, stacks):
    by_ident = {t["ident"]: t["id"] for t in threads}
    nodes = {}
    for lock in list(_ddx_locks.registry):
        owner_ident, frame = _ddx_locks.owner_of(lock)
        if owner_ident is None:
            continue
        nodes[id(lock)] = _node(lock, lock.kind, by_ident.get(owner_ident, str(owner_ident)), frame,
                                stacks.get(owner_ident, []))
    for tid, (state, kind, obj, label) in sorted(waits.items()):
        if obj is None:
            continue
        node = nodes.get(id(obj))
        if node is None:
            holder = None
            if kind == "threading.Thread.join":
                nid = getattr(obj, "native_id", None) or getattr(obj, "ident", None)
                holder = str(nid) if nid else None
            node = _node(obj, kind, holder, None, [])
            node["attributes"]["waits for"] = label
            nodes[id(obj)] = node
        if node["owner"] is not None:
            node["waiters"].append(tid)
        else:
            # a queue, condition, event or semaphore has no owner to wait behind: the waiting
            # thread is where its wait chain ends, so it is listed here and not as a waiter
            waiting = node["attributes"].get("waiting threads")
            node["attributes"]["waiting threads"] = tid if not waiting else waiting + " " + tid
    return sorted(nodes.values(), key=lambda n: n["id"])


def _node(obj, kind, owner_id, frame, owner_frames):
    attrs = {}
    if isinstance(obj, _ddx_locks.RLock):
        attrs["recursion"] = _ddx_locks.recursion(obj)
    if kind == "queue.Queue":
        try:
            attrs["size"] = str(obj.qsize())
        except Exception:
            pass
    name = lock_name(obj)
    return {
        "id": "0x%x" % id(obj),
        "kind": kind,
        "name": name,
        "owner": owner_id,
        "waiters": [],
        "acquired_at": _taken_at(frame, name, owner_frames) if owner_id is not None and kind.startswith(
            "threading.") and not kind.endswith("join") else None,
        "attributes": attrs,
    }


# ---------------------------------------------------------------- modules

def modules(pins=()):
    """Top-level modules with their files and distribution versions, and the pinned distributions."""
    try:
        import importlib.metadata as md
    except ImportError:  # Python < 3.8 has no importlib.metadata
        md = None
    stdlib = set(getattr(sys, "stdlib_module_names", ()))
    out = []
    for name, mod in sorted(list(sys.modules.items())):
        if "." in name or mod is None:
            continue
        path = getattr(mod, "__file__", None) or ""
        who = owner(path) if path else "system"
        if who == "driver" or name.startswith("_ddx"):
            continue
        version, dist = _version(md, mod, name) if who != "system" else (None, "")
        rec = {"name": name, "path": path, "version": version, "distribution": dist, "owner": who}
        if path and who == "user":
            # Python < 3.10 has no sys.stdlib_module_names: look in the standard library's folder
            in_stdlib = name in stdlib if stdlib else _in_stdlib_dir(name)
            if in_stdlib or dist:
                rec["shadows"] = "the standard library module" if in_stdlib else "the installed distribution " + dist
        out.append(rec)
    installed = {}
    for pin in pins:
        try:
            installed[pin] = md.version(pin) if md is not None else None
        except Exception:
            installed[pin] = None
    return {"modules": out, "installed": installed}


def _in_stdlib_dir(name):
    for d in SYSTEM_DIRS:
        if os.path.exists(os.path.join(d, name + ".py")) or os.path.isdir(os.path.join(d, name)):
            return True
    return False


def _version(md, mod, name):
    """The version of the distribution named like the module (most are), else __version__.

    importlib.metadata.packages_distributions() would map every import name exactly but reads the
    file list of every installed distribution (half a second on a modest environment); a hang
    snapshot has to be quick."""
    if md is not None:
        for dist in (name, name.replace("_", "-")):
            try:
                return md.version(dist), dist
            except Exception:
                pass
    v = getattr(mod, "__version__", None)
    return (v if isinstance(v, str) else None), ""
