# Runs the catalog's gdb commands one by one inside gdb and reports each outcome on one line.
import json
import gdb

with open(COMMANDS_FILE) as f:  # set by the test before this script runs
    commands = json.load(f)
for i, command in enumerate(commands):
    try:
        gdb.execute(command, to_string=True)
        print("@@OK %d" % i)
    except gdb.error as e:
        print("@@ERR %d %s" % (i, str(e).replace("\n", " ")))
    except Exception as e:
        print("@@EXC %d %s: %s" % (i, type(e).__name__, str(e).replace("\n", " ")))
