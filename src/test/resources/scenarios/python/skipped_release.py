"""An exception skips a release(): the lock stays held and the next taker waits forever."""
import threading

cache_lock = threading.Lock()
cache = {}


def store(key, value):
    cache_lock.acquire()
    cache[key] = int(value)      # raises for "n/a" before the release below
    cache_lock.release()


def worker(rows):
    for key, value in rows:
        try:
            store(key, value)
        except ValueError:
            print("skipped bad row", key, flush=True)


w = threading.Thread(target=worker, args=([("a", "1"), ("b", "n/a"), ("c", "3")],), name="loader")
w.start()
w.join()
