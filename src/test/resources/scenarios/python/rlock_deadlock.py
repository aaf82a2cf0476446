"""Two threads take two RLocks in opposite order and deadlock."""
import threading
import time

accounts_lock = threading.RLock()
audit_lock = threading.RLock()


def transfer():
    with accounts_lock:
        time.sleep(0.3)
        with audit_lock:
            print("transferred")


def audit():
    with audit_lock:
        time.sleep(0.3)
        with accounts_lock:
            print("audited")


t1 = threading.Thread(target=transfer, name="transfer")
t2 = threading.Thread(target=audit, name="audit")
t1.start()
t2.start()
t1.join()
t2.join()
