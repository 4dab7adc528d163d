"""A TTL set of message ids: chat platforms redeliver when an ack is slow; answer once."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable


class SeenMessages:
    def __init__(self, ttl_s: float = 900, max_items: int = 50_000, clock: Callable[[], float] = time.monotonic):
        self.ttl_s = ttl_s
        self.max_items = max_items
        self._clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, key: str) -> bool:
        """Atomically mark `key` seen; True only the first time within the TTL."""
        now = self._clock()
        with self._lock:
            while self._seen and (now - next(iter(self._seen.values())) > self.ttl_s
                                  or len(self._seen) > self.max_items):
                self._seen.popitem(last=False)
            if key in self._seen:
                return False
            self._seen[key] = now
            return True
