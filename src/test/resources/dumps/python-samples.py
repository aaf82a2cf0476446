"""Produces ddx's Python test samples. Run: python3 python-samples.py CASE 2> python-CASE.txt

Each case prints what Python itself prints to stderr; nothing is edited afterwards.
"""
import faulthandler
import sys
import threading
import time


def load_config(path):
    try:
        with open(path) as f:
            return f.read()
    except FileNotFoundError as e:
        raise RuntimeError(f"config {path} is missing") from e


def parse_port(text):
    try:
        return int(text)
    except ValueError:
        return {}["port"]


def chain_cause():
    load_config("/nonexistent/app.toml")


def chain_context():
    parse_port("eighty")


def worker(lock, done):
    with lock:
        done.wait()


def threads_dump():
    lock = threading.Lock()
    done = threading.Event()
    for i in range(2):
        threading.Thread(target=worker, args=(lock, done), name=f"worker-{i}", daemon=True).start()
    time.sleep(0.3)
    faulthandler.dump_traceback(all_threads=True)
    done.set()


def fatal():
    import ctypes
    done = threading.Event()
    threading.Thread(target=done.wait, name="waiter", daemon=True).start()
    time.sleep(0.2)
    faulthandler.enable()
    ctypes.string_at(0)


if __name__ == "__main__":
    {"cause": chain_cause, "context": chain_context, "threads": threads_dump, "fatal": fatal}[sys.argv[1]]()
