"""The ddx pdb driver: runs a Python program under a pdb.Pdb subclass and answers ddx's requests.

Usage (ddx starts it; standard library only, Python >= 3.8):

    python3 ddx_pdb_driver.py --port PORT --token TOKEN [--observe S] [--no-locks] -- SCRIPT ARGS...

The channel: ddx listens on a loopback TCP port and passes it here; the driver connects, sends
one hello line carrying the token, then answers JSON-line requests ({"id", "cmd", ...}) with
JSON-line replies ({"id", "ok", "result" | "error"}). The program keeps the process's own stdin,
stdout and stderr, so what it prints still reaches the user and nothing it prints can be taken
for a reply. Requests: run, snapshot, threads, exception, modules, pdb, quit.
"""
import os
import sys

_startup_modules = set(sys.modules)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
_write_bytecode = sys.dont_write_bytecode
sys.dont_write_bytecode = True  # leave no __pycache__ in ddx's temporary folder

import _ddx_driver  # noqa: E402

sys.dont_write_bytecode = _write_bytecode
_ddx_driver.STARTUP_MODULES = _startup_modules

if __name__ == "__main__":
    _ddx_driver.main()
