"""One thread spins on the CPU while the others sleep."""
import threading
import time


def sleeper():
    while True:
        time.sleep(0.5)


def spinner():
    n = 0
    while True:
        n = (n * 31 + 7) % 1000003


for i in range(3):
    threading.Thread(target=sleeper, name="sleeper-%d" % i, daemon=True).start()
threading.Thread(target=spinner, name="hot-loop", daemon=True).start()
time.sleep(3600)
