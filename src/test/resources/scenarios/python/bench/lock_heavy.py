"""A lock-heavy workload: threads contend for a Lock, an RLock, a Condition and a queue.Queue.
Prints the seconds the work took, measured inside the program, as "elapsed S"."""
import queue
import sys
import threading
import time

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
counter_lock = threading.Lock()
stats_lock = threading.RLock()
ready = threading.Condition()
work = queue.Queue()
totals = {"count": 0, "stats": 0, "items": 0}


def hammer(rounds):
    for i in range(rounds):
        with counter_lock:
            totals["count"] += 1
        with stats_lock:
            with stats_lock:
                totals["stats"] += i & 1
        if i % 64 == 0:
            with ready:
                ready.notify_all()


def produce(n):
    for i in range(n):
        work.put(i)
    work.put(None)


def consume():
    while work.get() is not None:
        totals["items"] += 1


start = time.perf_counter()
cpu = time.process_time()
threads = [threading.Thread(target=hammer, args=(ROUNDS,)) for _ in range(4)]
threads += [threading.Thread(target=produce, args=(ROUNDS // 4,)), threading.Thread(target=consume)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print("elapsed %.3f cpu %.3f" % (elapsed, time.process_time() - cpu))
print("totals", totals)
