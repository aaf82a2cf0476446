"""Forks a child that does some work and exits; the parent waits for it and then fails."""
import os

pid = os.fork()
if pid == 0:
    print("child working", flush=True)
    os._exit(0)
_, status = os.waitpid(pid, 0)
print("child ended with", os.waitstatus_to_exitcode(status), flush=True)
raise RuntimeError("parent failed after the child ended")
