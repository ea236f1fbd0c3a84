"""
What the last render of each address in this process asked the page cache for: the
names of the values it remembered (thinktank.cache.remember_many). A page miss fetches
them all in one round trip before it renders (`recall`), rather than one round trip
for each step of its render that asks. A hint is only a guess: a value it names that
is no longer good is computed, and one the render asks for that it does not name is
fetched then.
"""

import threading
from collections import OrderedDict

HINTED = 1000  # addresses: under 1 MB of names in a process (7 an article, 26 a topic page)


class Hints:
    """The names each address's last render asked for, for the HINTED addresses
    rendered last; shared by a process's threads."""

    def __init__(self, size=HINTED):
        self.size = size
        self._names = OrderedDict()  # address -> its names, joined by spaces (half the memory)
        self._lock = threading.Lock()

    def get(self, address):
        """The names the last render of `address` asked for (none if unknown)."""
        with self._lock:
            names = self._names.get(address, "")
            if names:
                self._names.move_to_end(address)
        return tuple(names.split())

    def put(self, address, names):
        """Remember that a render of `address` asked for `names` (thinktank.cache value
        names, which hold no space), in order, each once."""
        names = " ".join(dict.fromkeys(names))
        with self._lock:
            self._names[address] = names
            self._names.move_to_end(address)
            while len(self._names) > self.size:
                self._names.popitem(last=False)

    def clear(self):
        with self._lock:
            self._names.clear()


hints = Hints()
