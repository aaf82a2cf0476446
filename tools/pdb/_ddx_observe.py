"""Sampling for `ddx summarize --observe S`: per-thread CPU, allocation sites, threads, fds.

Thread and file creation sites are recorded by light wrappers installed only when observing, so
that a growing thread or fd count can be traced to the line that creates them."""
import builtins
import os
import sys
import threading
import time
import tracemalloc

import _ddx_inspect

TOP_SITES = 12
_thread_sites = {}   # Thread object id -> "file:line" where start() was called
_fd_sites = {}       # fd -> "file:line" where open() returned it


def _caller_site(depth):
    f = sys._getframe(depth)
    while f is not None and _ddx_inspect.owner(f.f_code.co_filename) in ("driver",):
        f = f.f_back
    return "%s:%d" % (f.f_code.co_filename, f.f_lineno) if f is not None else "?"


def install():
    """Starts tracemalloc and records where threads are started and files opened."""
    tracemalloc.start(1)
    start = threading.Thread.start

    def traced_start(self):
        if not getattr(self, "_ddx_driver", False):
            _thread_sites[id(self)] = _caller_site(2)
        return start(self)

    threading.Thread.start = traced_start
    real_open = builtins.open

    def traced_open(*args, **kwargs):
        f = real_open(*args, **kwargs)
        caller = sys._getframe(1).f_code.co_filename
        if _ddx_inspect.owner(caller) != "driver":  # the driver's own reads of /proc are not the program's
            try:
                _fd_sites[f.fileno()] = _caller_site(2)
            except Exception:
                pass
        return f

    builtins.open = traced_open


def _fds():
    try:
        return os.listdir("/proc/self/fd")
    except OSError:
        return []


class Observer:
    """Takes samples every `interval` seconds until `stop` is set or `duration` has passed."""

    def __init__(self, duration, interval=None):
        self.duration = duration
        self.interval = interval or max(0.2, min(1.0, duration / 20.0))
        self.series = {}
        self.t0 = time.monotonic()

    def _add(self, name, subject, unit, value):
        at = int((time.monotonic() - self.t0) * 1000)
        key = (name, subject)
        if key not in self.series:
            self.series[key] = {"name": name, "subject": subject, "unit": unit, "samples": []}
        self.series[key]["samples"].append([at, value])

    def sample(self):
        tick_ms = 1000.0 / os.sysconf("SC_CLK_TCK")
        live = [t for t in threading.enumerate() if not getattr(t, "_ddx_driver", False)]
        for t in live:
            nid = getattr(t, "native_id", None)
            ticks = _ddx_inspect.cpu_ticks(nid) if nid else None
            if ticks is not None:
                self._add("cpu", str(nid), "ms", ticks * tick_ms)
        self._add("threads", "process", "count", len(live))
        sites = {}
        for t in live:
            site = _thread_sites.get(id(t))
            if site:
                sites[site] = sites.get(site, 0) + 1
        for site, n in sites.items():
            self._add("threads", site, "count", n)
        fds = _fds()
        self._add("fds", "process", "count", len(fds))
        by_site = {}
        for fd in fds:
            site = _fd_sites.get(int(fd)) if fd.isdigit() else None
            if site:
                by_site[site] = by_site.get(site, 0) + 1
        for site, n in by_site.items():
            self._add("fds", site, "count", n)
        if tracemalloc.is_tracing():
            stats = tracemalloc.take_snapshot().filter_traces(
                [tracemalloc.Filter(False, tracemalloc.__file__),
                 tracemalloc.Filter(False, _ddx_inspect.DRIVER_DIR + os.sep + "*")]).statistics("lineno")
            for st in stats[:TOP_SITES]:
                frame = st.traceback[0]
                self._add("alloc", "%s:%d" % (frame.filename, frame.lineno), "bytes", st.size)

    def run(self, stop):
        """Samples until the duration is over or `stop` (a threading.Event) is set."""
        end = self.t0 + self.duration
        while True:
            self.sample()
            now = time.monotonic()
            if now >= end or stop.wait(min(self.interval, max(0.0, end - now))):
                break
        if not stop.is_set():
            self.sample()
        return self.result()

    def result(self):
        out = []
        for s in self.series.values():
            if s["name"] == "alloc" and len(s["samples"]) < 2:
                continue
            out.append(s)
        return out
