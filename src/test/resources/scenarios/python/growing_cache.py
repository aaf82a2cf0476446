"""A dict cache that grows forever: every request adds an entry, none is ever evicted."""
import time

_cache = {}


def render(request_id):
    page = "<html>" + ("x" * 2000) + str(request_id) + "</html>"
    _cache[request_id] = page
    return page


i = 0
while True:
    for _ in range(200):
        render(i)
        i += 1
    time.sleep(0.05)
