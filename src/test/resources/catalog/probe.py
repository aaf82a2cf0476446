# A small multi-threaded script for checking the catalog's pdb commands under Python's pdb.
import threading

queue_lock = threading.Lock()
requests_served = 42


def worker():
    with queue_lock:
        pass


def handle(batch):
    total = sum(batch)
    helper = threading.Thread(target=worker, daemon=True)
    breakpoint()
    helper.start()
    return total


print("total", handle([1, 2, 3]))
