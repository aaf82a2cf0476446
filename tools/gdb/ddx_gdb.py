# ddx's helper inside gdb. Defines three commands that each answer with ONE JSON document,
# printed between the markers below, so a whole snapshot costs one round-trip:
#
#   ddx-snapshot {"siginfo": true}          threads, frames, arguments, locals of user frames,
#                                          pthread mutexes read from memory, modules, signal
#   ddx-probe {"thread": 1, "frame": 0, "exprs": ["a.b2", ...]}
#                                          evaluates expressions in one frame (bad-pointer probes)
#   ddx-run {"hang_after": 10}             starts the program and runs it until it crashes, exits,
#                                          or is still running after hang_after seconds (then it
#                                          is interrupted with SIGINT and reported as a hang)
#
# The JSON is ASCII (ensure_ascii) so it survives gdb's MI string escaping unchanged. A large
# document is sent zlib-compressed and base64-encoded between the "-z" markers: gdb's MI console
# stream costs microseconds per character, so a 300 KB snapshot would take over a second to print.
import base64
import json
import os
import re
import signal
import threading
import zlib

import gdb

BEGIN = "<<ddx-json>>"
BEGIN_Z = "<<ddx-json-z>>"
COMPRESS_ABOVE = 4096
END = "<<ddx-end>>"
MAX_FRAMES = 200        # innermost frames kept per thread
TAIL_FRAMES = 8         # outermost frames kept when a stack is cut short
DEPTH_LIMIT = 250000    # frames counted at most when measuring a very deep stack
MAX_REPR = 240          # characters of one value
MAX_LOCALS = 24         # locals per frame
LOCAL_FRAMES = 4        # user frames per thread whose locals are read
LOCK_FUNCS = ("pthread_mutex_lock", "pthread_mutex_timedlock", "pthread_mutex_clocklock",
              "lll_mutex_lock", "__lll_lock_wait", "lll_lock_wait")
FAULT_SIGNALS = (signal.SIGSEGV, signal.SIGBUS, signal.SIGFPE, signal.SIGILL)


def emit(doc):
    text = json.dumps(doc, ensure_ascii=True, separators=(",", ":"))
    if len(text) > COMPRESS_ABOVE:
        packed = base64.b64encode(zlib.compress(text.encode("ascii"), 1)).decode("ascii")
        gdb.write(BEGIN_Z + packed + END + "\n")
    else:
        gdb.write(BEGIN + text + END + "\n")


def bounded(text):
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_REPR else text[:MAX_REPR - 3] + "..."


def render(value):
    try:
        return bounded(value.format_string(max_elements=16, max_depth=2, repeat_threshold=8))
    except gdb.error as e:
        return "<error: %s>" % bounded(e)


def exe_path():
    return gdb.current_progspace().filename or ""


_exe_text = {}


def module_of(pc):
    lib = gdb.solib_name(pc)
    if lib:
        return lib
    exe = exe_path()
    if exe not in _exe_text:
        _exe_text.clear()
        _exe_text[exe] = exe_range()
    r = _exe_text[exe]
    inside = r and r["start"] <= pc < r["end"]
    return exe if inside or gdb.find_pc_line(pc).symtab is not None else ""


def frame_vars(frame, want_args, with_types=True):
    out = []
    try:
        block = frame.block()
    except RuntimeError:
        return out
    while block is not None:
        for sym in block:
            if sym.is_argument != want_args or not (sym.is_variable or sym.is_argument):
                continue
            if len(out) >= MAX_LOCALS:
                return out
            try:
                var = {"name": sym.name, "value": render(frame.read_var(sym, block))}
                if with_types:
                    var["type"] = str(sym.type)
                out.append(var)
            except (gdb.error, RuntimeError, ValueError) as e:
                out.append({"name": sym.name, "type": "", "value": "<error: %s>" % bounded(e)})
        if block.function is not None:
            break
        block = block.superblock
    return out


def frame_doc(frame, level, want_locals):
    # kept lean: a 64-thread snapshot is hundreds of frames, and every byte crosses MI
    pc = frame.pc()
    sal = frame.find_sal()
    module = module_of(pc)
    doc = {"level": level, "func": frame.name(), "pc": pc, "module": module}
    if frame.type() == gdb.INLINE_FRAME:
        doc["inline"] = True
    if sal.symtab is not None:
        doc["file"] = sal.symtab.filename
        fullname = sal.symtab.fullname()
        if fullname != sal.symtab.filename:
            doc["fullname"] = fullname
        doc["line"] = sal.line
    if frame.function() is not None:
        doc["args"] = frame_vars(frame, True, module == exe_path())
        if want_locals:
            doc["locals"] = frame_vars(frame, False)
    return doc


def thread_frames(exe, first_user_locals):
    frames, tail = [], []
    frame = gdb.newest_frame()
    level, user_frames = 0, 0
    while frame is not None and level < DEPTH_LIMIT:
        if level < MAX_FRAMES:
            try:
                user = frame.function() is not None and module_of(frame.pc()) == exe
                want = user and user_frames < (LOCAL_FRAMES if first_user_locals else 0)
                user_frames += 1 if user else 0
                frames.append(frame_doc(frame, level, want))
            except gdb.error as e:
                frames.append({"level": level, "func": None, "pc": 0, "module": "", "error": bounded(e)})
        else:
            tail.append((level, frame))
            if len(tail) > TAIL_FRAMES:
                tail.pop(0)
        level += 1
        try:
            frame = frame.older()
        except gdb.error:
            break
    for lv, f in tail:
        try:
            frames.append(frame_doc(f, lv, False))
        except gdb.error:
            pass
    return frames, level


def mutex_address(frame0):
    """The pthread mutex a blocked thread waits for, read from the lock call's own argument."""
    frame, steps = frame0, 0
    while frame is not None and steps < 12:
        name = frame.name() or ""
        if any(k in name for k in LOCK_FUNCS):
            for arg in ("mutex", "futex"):
                try:
                    return int(frame.read_var(arg))
                except (ValueError, gdb.error, RuntimeError):
                    pass
            if steps == 0 or "lll_lock_wait" in name:
                # no debug info for libc: the futex word (the mutex's first field) is the
                # first syscall argument, still in rdi while the thread sleeps in the kernel
                try:
                    return int(frame0.read_register("rdi"))
                except (ValueError, gdb.error):
                    return None
        frame, steps = frame.older(), steps + 1
    return None


def read_mutex(addr):
    doc = {"address": addr}
    try:
        m = gdb.parse_and_eval("(('pthread_mutex_t' *) %d)->__data" % addr)
        for field in ("__lock", "__count", "__owner", "__kind"):
            doc[field.strip("_")] = int(m[field])
    except gdb.error:
        try:
            doc["lock"] = int(gdb.parse_and_eval("*(int *) %d" % addr))
            doc["owner"] = int(gdb.parse_and_eval("*(int *) %d" % (addr + 8)))
        except gdb.error as e:
            doc["error"] = bounded(e)
    try:
        text = gdb.execute("info symbol %d" % addr, to_string=True).strip()
        if not text.startswith("No symbol"):
            doc["symbol"] = text.split(" in section ")[0]
    except gdb.error:
        pass
    return doc


def modules():
    out = []
    exe = exe_path()
    for obj in gdb.objfiles():
        if obj.owner is not None or not obj.filename:
            continue
        out.append({"path": obj.filename, "build_id": obj.build_id, "is_exe": obj.filename == exe})
    ranges = {}
    try:
        for line in gdb.execute("info sharedlibrary", to_string=True).splitlines():
            m = re.match(r"\s*(0x[0-9a-f]+)\s+(0x[0-9a-f]+)\s+(Yes|No)( \(\*\))?\s+(\S.*)$", line)
            if m:
                ranges[m.group(5).strip()] = (int(m.group(1), 16), int(m.group(2), 16),
                                              m.group(3) == "Yes" and not m.group(4))
    except gdb.error:
        pass
    for mod in out:
        r = ranges.get(mod["path"])
        if r:
            mod["start"], mod["end"], mod["debug"] = r
        elif mod["is_exe"]:
            mod["debug"] = gdb.lookup_global_symbol("main") is not None
            mod.update(exe_range())
    return out


def exe_range():
    try:
        text = gdb.execute("info files", to_string=True)
    except gdb.error:
        return {}
    local = text.split("Local exec file:")[-1]
    m = re.search(r"(0x[0-9a-f]+) - (0x[0-9a-f]+) is \.text", local)
    return {"start": int(m.group(1), 16), "end": int(m.group(2), 16)} if m else {}


def siginfo():
    try:
        info = gdb.parse_and_eval("$_siginfo")
        signo = int(info["si_signo"])
    except gdb.error:
        return None
    if signo <= 0:
        return None
    doc = {"signo": signo, "code": int(info["si_code"])}
    try:
        doc["name"] = signal.Signals(signo).name
        doc["description"] = signal.strsignal(signo) or ""
    except ValueError:
        doc["name"] = "SIG%d" % signo
    if signo in FAULT_SIGNALS:
        try:
            doc["addr"] = int(info["_sifields"]["_sigfault"]["si_addr"])
        except gdb.error:
            pass
    return doc


class Snapshot(gdb.Command):
    """ddx-snapshot JSON: the whole process state as one JSON document."""

    def __init__(self):
        super().__init__("ddx-snapshot", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        opts = json.loads(arg) if arg.strip() else {}
        inferior = gdb.selected_inferior()
        selected = gdb.selected_thread()
        doc = {"pid": inferior.pid, "exe": exe_path(), "threads": [], "mutexes": [],
               "selected": selected.num if selected else None}
        if opts.get("siginfo") and selected is not None:
            doc["signal"] = siginfo()
        exe = exe_path()
        waits = {}
        for thread in sorted(inferior.threads(), key=lambda t: t.num):
            entry = {"num": thread.num, "lwp": thread.ptid[1], "name": thread.name or "", "frames": [], "depth": 0}
            doc["threads"].append(entry)
            try:
                thread.switch()
                entry["frames"], entry["depth"] = thread_frames(exe, True)
                addr = mutex_address(gdb.newest_frame())
            except (gdb.error, RuntimeError) as e:
                # one unreadable thread (no registers in a damaged core) must not cost the others
                entry["error"] = bounded(e)
                continue
            if addr:
                waits.setdefault(addr, []).append(thread.num)
        lwps = {t["lwp"]: t["num"] for t in doc["threads"]}
        for addr, waiters in sorted(waits.items()):
            m = read_mutex(addr)
            m["waiters"] = waiters
            if m.get("owner") in lwps:
                m["owner_thread"] = lwps[m["owner"]]
            doc["mutexes"].append(m)
        doc["modules"] = modules()
        if selected is not None and selected.is_valid():
            selected.switch()
        emit(doc)


class Probe(gdb.Command):
    """ddx-probe JSON: evaluates expressions in one frame and says which are null or unreadable."""

    def __init__(self):
        super().__init__("ddx-probe", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        opts = json.loads(arg)
        for thread in gdb.selected_inferior().threads():
            if thread.num == opts["thread"]:
                thread.switch()
        frame = gdb.newest_frame()
        for _ in range(opts.get("frame", 0)):
            frame = frame.older()
        frame.select()
        emit({"probes": [probe(e) for e in opts["exprs"]]})


def probe(expr):
    try:
        value = gdb.parse_and_eval(expr)
        value.fetch_lazy()
    except gdb.MemoryError as e:
        return {"expr": expr, "status": "UNREADABLE", "value": bounded(e)}
    except gdb.error as e:
        return {"expr": expr, "status": "ERROR", "value": bounded(e)}
    text = render(value)
    if value.type.strip_typedefs().code != gdb.TYPE_CODE_PTR:
        return {"expr": expr, "status": "OK", "value": text}
    if int(value) == 0:
        return {"expr": expr, "status": "NULL", "value": text}
    if value.type.strip_typedefs().target().code != gdb.TYPE_CODE_VOID:
        try:
            value.dereference().fetch_lazy()
        except gdb.MemoryError as e:
            return {"expr": expr, "status": "UNREADABLE", "value": text + " (" + bounded(e) + ")"}
        except gdb.error:
            pass
    return {"expr": expr, "status": "OK", "value": text}


class Run(gdb.Command):
    """ddx-run JSON: runs the program to a crash, an exit, or a hang (interrupted after hang_after s)."""

    def __init__(self):
        super().__init__("ddx-run", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        opts = json.loads(arg)
        events = {}

        def on_stop(event):
            events["signal"] = getattr(event, "stop_signal", None)

        def on_exit(event):
            events["exited"] = True
            if hasattr(event, "exit_code"):
                events["exit_code"] = event.exit_code

        gdb.events.stop.connect(on_stop)
        gdb.events.exited.connect(on_exit)
        try:
            self.run(opts, events)
        finally:
            gdb.events.stop.disconnect(on_stop)
            gdb.events.exited.disconnect(on_exit)

    def run(self, opts, events):
        gdb.execute("starti", to_string=True)
        pid = gdb.selected_inferior().pid
        events.pop("signal", None)
        fired = threading.Event()

        def interrupt():
            fired.set()
            try:
                os.kill(pid, signal.SIGINT)
            except OSError:
                pass

        timer = threading.Timer(float(opts.get("hang_after", 10)), interrupt)
        timer.start()
        try:
            gdb.execute("continue", to_string=True)
        finally:
            timer.cancel()
        if events.get("exited"):
            emit({"outcome": "exited", "pid": pid, "exit_code": events.get("exit_code")})
        elif fired.is_set() and events.get("signal") == "SIGINT":
            emit({"outcome": "hang", "pid": pid})
        else:
            emit({"outcome": "signal", "pid": pid, "signal": events.get("signal")})


Snapshot()
Probe()
Run()
