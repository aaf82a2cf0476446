"""A thread is started every second (or every ARGV[1] seconds) and none of them ever ends."""
import sys
import threading
import time


def poll_forever(n):
    while True:
        time.sleep(1)


n = 0
while True:
    threading.Thread(target=poll_forever, args=(n,), name="poller-%d" % n, daemon=True).start()
    n += 1
    time.sleep(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
