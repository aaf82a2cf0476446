"""Prints without end."""
import itertools

for i in itertools.count():
    print("line", i)
