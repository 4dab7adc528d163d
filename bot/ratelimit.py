"""Per-sender sliding-window rate limit: one noisy sender must not starve everyone else."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable


class RateLimiter:
    def __init__(self, per_window: int, window_s: float = 60.0, clock: Callable[[], float] = time.monotonic):
        if per_window <= 0:
            raise ValueError("RATE_LIMIT_PER_MINUTE must be positive")
        self.per_window = per_window
        self.window_s = window_s
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        """Count one hit for `key`; False when it already had `per_window` hits in the window."""
        now = self._clock()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and now - hits[0] >= self.window_s:
                hits.popleft()
            if len(hits) >= self.per_window:
                return False
            hits.append(now)
            if len(self._hits) > 10_000:  # forget idle senders so the dict cannot grow without bound
                for k in [k for k, v in self._hits.items() if not v or now - v[-1] >= self.window_s]:
                    del self._hits[k]
            return True
