"""The driver proper; ddx_pdb_driver.py starts it. Kept out of __main__ because the program
runs as __main__ and its namespace is cleared for it."""
import argparse
import io
import json
import os
import pdb
import socket
import sys
import threading
import time
import traceback

DRIVER_DIR = os.path.dirname(os.path.abspath(__file__))
STARTUP_MODULES = set()  # what the interpreter had imported before the driver; set by the entry script
if DRIVER_DIR not in sys.path:
    sys.path.insert(0, DRIVER_DIR)

import _ddx_locks  # noqa: E402
import _ddx_inspect  # noqa: E402
import _ddx_observe  # noqa: E402


class DriverPdb(pdb.Pdb):
    """Starts the program under bdb, then lets it run untraced: no breakpoints, no stepping,
    so the program runs at full speed until it ends, fails or ddx asks for its state."""

    def __init__(self):
        self.out = io.StringIO()
        super().__init__(stdin=io.StringIO(), stdout=self.out, nosigint=True, readrc=False)
        self.prompt = ""

    def user_call(self, frame, argument_list):
        self.set_continue()

    def user_line(self, frame):
        self.set_continue()

    def user_return(self, frame, return_value):
        self.set_continue()

    def user_exception(self, frame, exc_info):
        self.set_continue()

    def command(self, line, frame, tb):
        """Runs one pdb command against a frame (hang) or a traceback (post-mortem); returns its output."""
        if getattr(self, "_ddx_where", None) != (id(frame), id(tb)):
            self.forget()
            self.setup(frame, tb)
            self._ddx_where = (id(frame), id(tb))
        self.out.seek(0)
        self.out.truncate()
        self.onecmd(line)
        return self.out.getvalue()


class Driver:
    def __init__(self, args):
        self.args = args
        self.script = os.path.abspath(args.script)
        self.sock = socket.create_connection(("127.0.0.1", args.port), timeout=30)
        self.sock.settimeout(None)
        self.rfile = self.sock.makefile("r", encoding="utf-8", newline="\n")
        self.write_lock = _ddx_locks._allocate()  # a raw lock: the driver's own, never reported
        self.pid = os.getpid()
        self.go = threading.Event()
        self.done = threading.Event()
        self.quit = threading.Event()
        self.outcome = None           # ("exited", code) or ("exception", exc)
        self.thread_errors = []
        self.pdb = DriverPdb()
        self.started_at = None
        self.observer = None

    # ---------------------------------------------------------------- channel
    def send(self, obj):
        data = (json.dumps(obj, default=str) + "\n").encode("utf-8")
        self.write_lock.acquire()
        try:
            self.sock.sendall(data)
        finally:
            self.write_lock.release()

    def serve(self):
        for line in self.rfile:
            line = line.strip()
            if not line:
                continue
            try:
                req = json.loads(line)
            except ValueError:
                self.send({"id": None, "ok": False, "error": "not JSON: " + line[:200]})
                continue
            rid = req.get("id")
            try:
                result = self.handle(req)
                self.send({"id": rid, "ok": True, "result": result})
            except Exception as e:
                self.send({"id": rid, "ok": False, "error": "%s: %s" % (type(e).__name__, e)})
            if req.get("cmd") == "quit":
                break
        self.finish()

    def handle(self, req):
        cmd = req.get("cmd")
        if cmd == "run":
            return self.run(float(req.get("wait", 10)), float(req.get("observe", 0)))
        if cmd == "threads":
            threads, locks = _ddx_inspect.threads_and_locks()
            return {"threads": threads, "locks": locks}
        if cmd == "exception":
            return {"chain": self.chain()}
        if cmd == "modules":
            return _ddx_inspect.modules(req.get("pins", []))
        if cmd == "snapshot":
            return self.snapshot(req.get("pins", []))
        if cmd == "pdb":
            return {"output": self.pdb_command(str(req.get("line", "")))}
        if cmd == "quit":
            return {"state": self.state()}
        raise ValueError("unknown request " + repr(cmd))

    # ---------------------------------------------------------------- requests
    def state(self):
        if self.outcome is None:
            return "running"
        if self.outcome[0] == "exception":
            return "exception"
        return "exited" if not self.others_alive() else "running"

    def others_alive(self):
        main = threading.main_thread()
        return any(t.is_alive() and not t.daemon and t is not main and not getattr(t, "_ddx_driver", False)
                   for t in threading.enumerate())

    def run(self, wait, observe):
        if not self.go.is_set():
            self.started_at = time.monotonic()
            self.go.set()
        result = {}
        if observe > 0:
            stop = threading.Event()
            watcher = threading.Thread(target=self._stop_when_done, args=(stop, observe), daemon=True)
            watcher._ddx_driver = True
            watcher.start()
            result["counters"] = _ddx_observe.Observer(observe).run(stop)
            wait = 0
        deadline = time.monotonic() + wait
        while self.state() == "running" and time.monotonic() < deadline:
            self.done.wait(0.05)
        result.update(self.status())
        return result

    def _stop_when_done(self, stop, limit):
        end = time.monotonic() + limit
        while time.monotonic() < end and self.state() == "running":
            time.sleep(0.05)
        stop.set()

    def status(self):
        st = self.state()
        out = {"state": st, "elapsed": round(time.monotonic() - (self.started_at or time.monotonic()), 3),
               "pid": self.pid}
        if st == "exited":
            out["exit_code"] = self.outcome[1]
        if self.thread_errors:
            out["thread_errors"] = self.thread_errors
        return out

    def chain(self):
        if self.outcome is None or self.outcome[0] != "exception":
            return []
        exc = self.outcome[1]
        chain = _ddx_inspect.exception_chain(exc, str(threading.main_thread().native_id))
        if isinstance(exc, SyntaxError) and not chain[0]["frames"] and exc.filename:
            chain[0]["frames"] = [{"index": 0, "file": exc.filename, "line": exc.lineno or 0,
                                   "function": "<module>", "module": "__main__",
                                   "text": (exc.text or "").strip(), "owner": _ddx_inspect.owner(exc.filename)}]
        return chain

    def snapshot(self, pins):
        threads, locks = _ddx_inspect.threads_and_locks()
        result = self.status()
        result.update({"threads": threads, "locks": locks, "exception": self.chain(),
                       "python": sys.version.split()[0], "executable": sys.executable,
                       "script": self.script, "argv": self.args.argv})
        if self.outcome is not None and self.outcome[0] == "exception":
            main = str(threading.main_thread().native_id)
            tb_frames = _ddx_inspect.stack_of_traceback(self.outcome[1].__traceback__)
            result["threads"] = [t for t in threads if t["id"] != main]
            result["threads"].insert(0, {
                "id": main, "ident": threading.main_thread().ident, "native_id": threading.main_thread().native_id,
                "name": "MainThread", "daemon": False, "state": "STOPPED", "waiting_for": "",
                "depth": len(tb_frames), "frames": _ddx_inspect.records(tb_frames) or self.chain()[0]["frames"],
                "cpu_ticks": None})
        result.update(_ddx_inspect.modules(pins))
        return result

    def pdb_command(self, line):
        if self.outcome is not None and self.outcome[0] == "exception":
            tb = self.outcome[1].__traceback__
            while tb is not None and _ddx_inspect.is_bookkeeping(tb.tb_frame):
                tb = tb.tb_next
            if tb is None:
                return "*** no frames of the program to inspect (it failed before running: %s)\n" \
                    % _ddx_inspect.type_name(self.outcome[1])
            return self.pdb.command(line, None, tb)
        frames = sys._current_frames()
        frame = frames.get(threading.main_thread().ident)
        if frame is None or self.outcome is not None:
            return "*** the program's main thread has no frame to inspect\n"
        return self.pdb.command(line, frame, None)

    # ---------------------------------------------------------------- the program
    def program(self):
        """Runs on the main thread: the script as __main__, with its own argv and directory."""
        self.go.wait()
        import __main__
        main_dict = __main__.__dict__
        keep = {"__builtins__": main_dict["__builtins__"]}
        main_dict.clear()
        main_dict.update(keep)
        main_dict.update({"__name__": "__main__", "__file__": self.script, "__spec__": None,
                          "__package__": None, "__cached__": None, "__loader__": None})
        sys.argv = [self.args.script] + list(self.args.argv)
        sys.path[0] = os.path.dirname(self.script)
        if DRIVER_DIR in sys.path[1:]:
            sys.path.remove(DRIVER_DIR)
        _forget_shadowed(sys.path[0])
        try:
            with io.open_code(self.script) as f:
                code = compile(f.read(), self.script, "exec")
            self.pdb.run(code, main_dict)
            self.outcome = ("exited", 0)
        except SystemExit as e:
            self.outcome = ("exited", _exit_code(e.code))
        except BaseException as e:
            _print_exception(e)
            if os.getpid() != self.pid:
                _hard_exit(1)
            self.outcome = ("exception", e)
        if os.getpid() != self.pid:  # a forked child ends here, as it would without ddx
            _hard_exit(self.outcome[1] if self.outcome[0] == "exited" else 1)
        _flush()
        self.done.set()
        self.quit.wait()

    def finish(self):
        code = 0
        if self.outcome is not None:
            code = self.outcome[1] if self.outcome[0] == "exited" else 1
        _hard_exit(code)

    def on_thread_error(self, args):
        if args.exc_type is SystemExit:
            return
        traceback.print_exception(args.exc_type, args.exc_value, args.exc_traceback)
        if len(self.thread_errors) < 8 and args.exc_value is not None:
            name = args.thread.name if args.thread is not None else "?"
            nid = getattr(args.thread, "native_id", None)
            self.thread_errors.append({"thread": str(nid or name), "name": name,
                                       "chain": _ddx_inspect.exception_chain(args.exc_value, str(nid or name))})


def _forget_shadowed(script_dir):
    """Drops modules the driver imported (json, socket, …) that a file beside the script would
    hide, so the program imports what it would import without ddx."""
    for name in list(sys.modules):
        top = name.partition(".")[0]
        if name in STARTUP_MODULES or top in ("threading", "_thread", "_ddx_locks", "_ddx_inspect",
                                              "_ddx_observe", "_ddx_driver"):
            continue
        if os.path.isfile(os.path.join(script_dir, top + ".py")) \
                or os.path.isfile(os.path.join(script_dir, top, "__init__.py")):
            del sys.modules[name]


def _print_exception(e):
    """Prints the traceback as Python would, without the driver's own frames."""
    tb = e.__traceback__
    while tb is not None and _ddx_inspect.is_bookkeeping(tb.tb_frame):
        tb = tb.tb_next
    traceback.print_exception(type(e), e, tb)


def _exit_code(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def _hard_exit(code):
    _flush()
    os._exit(code if isinstance(code, int) and 0 <= code < 256 else 1)


def main():
    parser = argparse.ArgumentParser(prog="ddx_pdb_driver")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--token", default="")
    parser.add_argument("--observe", type=float, default=0)
    parser.add_argument("--no-locks", action="store_true")
    parser.add_argument("script")
    parser.add_argument("argv", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if args.argv and args.argv[0] == "--":
        args.argv = args.argv[1:]
    if not args.no_locks:
        _ddx_locks.install()
    if args.observe > 0:
        _ddx_observe.install()
    driver = Driver(args)
    threading.excepthook = driver.on_thread_error
    os.register_at_fork(after_in_child=lambda: _close_quietly(driver.sock))
    driver.send({"event": "hello", "token": args.token, "pid": os.getpid(),
                 "python": sys.version.split()[0], "executable": sys.executable})
    control = threading.Thread(target=driver.serve, name="ddx-driver", daemon=True)
    control._ddx_driver = True
    control.start()
    driver.program()


def _close_quietly(sock):
    try:
        sock.close()
    except OSError:
        pass

