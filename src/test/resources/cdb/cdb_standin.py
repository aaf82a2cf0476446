#!/usr/bin/env python3
"""A stand-in for cdb.exe, for tests on machines without Windows.

It speaks cdb's prompt protocol over pipes: prints "0:000> ", reads one command line, answers it
with the reply recorded for that command in the saved cdb sessions named on the command line,
echoes ".echo TEXT", quits on q/qd/qq. Two test hooks: "!stall SECONDS" sleeps (a hung debugger);
".shell touch FILE" creates FILE, so a test can tell whether a refused command ever arrived.
"""
import re
import sys
import time

PROMPT = re.compile(r'^\s*(?:## )?(?:\d+:\s?\d+(?::\w+)?|(?:\d+:\s?)?[kK][dD])>\s?(.*?)\s*$')


def norm(command):
    return command.strip().lower().replace(' ', '')


def load(paths):
    replies = {}
    for path in paths:
        command, body = None, []
        with open(path, encoding='latin-1') as f:
            for line in f.read().splitlines():
                m = PROMPT.match(line)
                if m:
                    if command is not None:
                        replies.setdefault(norm(command), '\n'.join(body))
                    command, body = m.group(1), []
                elif command is not None:
                    body.append(line)
        if command is not None:
            replies.setdefault(norm(command), '\n'.join(body))
    return replies


def main():
    replies = load(sys.argv[1:])
    out = sys.stdout
    while True:
        out.write('0:000> ')
        out.flush()
        line = sys.stdin.readline()
        if not line:
            return
        command = line.strip()
        if command.startswith('.echo '):
            out.write(command[len('.echo '):] + '\n')
        elif command in ('q', 'qd', 'qq'):
            return
        elif command.startswith('!stall'):
            parts = command.split()
            time.sleep(float(parts[1]) if len(parts) > 1 else 600)
        elif command.startswith('.shell touch '):
            open(command[len('.shell touch '):], 'w').close()
        elif command:
            reply = replies.get(norm(command), '')
            if reply:
                out.write(reply + '\n')


if __name__ == '__main__':
    main()
