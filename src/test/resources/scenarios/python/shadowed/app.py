"""Imports json, but a local json.py next to the script hides the standard library's."""
import json

print(json.dumps({"status": "ok"}))
