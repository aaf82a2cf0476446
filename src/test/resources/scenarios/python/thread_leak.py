"""A thread is started every few tenths of a second and none of them ever ends."""
import threading
import time


def poll_forever(n):
    while True:
        time.sleep(1)


n = 0
while True:
    threading.Thread(target=poll_forever, args=(n,), name="poller-%d" % n, daemon=True).start()
    n += 1
    time.sleep(0.3)
