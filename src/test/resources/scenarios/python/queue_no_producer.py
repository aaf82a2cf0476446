"""A consumer waits on queue.get() but no producer was ever started."""
import queue
import threading

jobs = queue.Queue()


def consume():
    while True:
        job = jobs.get()
        print("job", job)


consumer = threading.Thread(target=consume, name="consumer")
consumer.start()
consumer.join()
