"""Reads its input from stdin until end of file."""
import sys

data = sys.stdin.read()
print("read", len(data), "characters")
