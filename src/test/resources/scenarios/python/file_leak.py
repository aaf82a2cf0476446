"""Opens a file ten times a second and never closes any."""
import time
keep = []
while True:
    keep.append(open(__file__))
    time.sleep(0.1)
