"""The app's cache when no Redis is configured: kept in the process, bounded, timed.

Flask-Caching's ``SimpleCache`` has two faults that matter here. Once it holds its
threshold of entries it sorts all of them on every store, and a job board stores a
page for nearly every role a visitor opens; and its ``inc`` stores the result with
the default timeout, so a jobs generation could fall back to an earlier number while
entries cached under that number still live. This one keeps entries in a
``cachetools.TLRUCache`` (least recently used go first when it is full, each entry
expires at its own time) and, like Redis's ``INCR``, lets a counter keep the expiry it
had, none for a new one.

Values are pickled, as a Redis cache would store them: what a caller gets is a copy,
and changing it changes nothing cached.
"""

import math
import pickle
import threading
import time
from typing import Any

from cachetools import TLRUCache
from flask import Flask
from flask_caching.backends.base import BaseCache


def _expiry(_key, entry, _now) -> float:
    return entry[0]


class MemoryCache(BaseCache):
    def __init__(self, threshold: int = 1000, default_timeout: int = 300,
                 timer=time.monotonic, **kwargs) -> None:
        super().__init__(default_timeout=default_timeout, **kwargs)
        self._timer = timer
        self._entries = TLRUCache(maxsize=threshold, ttu=_expiry, timer=timer)
        # One process may serve several threads (the development server, chat).
        self._lock = threading.Lock()

    @classmethod
    def factory(cls, app: Flask, config: dict[str, Any], args: list[Any],
                kwargs: dict[str, Any]) -> "MemoryCache":
        return cls(*args, threshold=config["CACHE_THRESHOLD"], **kwargs)

    def _expires(self, timeout: int | None) -> float:
        timeout = self._normalize_timeout(timeout)
        return math.inf if timeout == 0 else self._timer() + timeout

    def get(self, key: str) -> Any:
        with self._lock:
            entry = self._entries.get(key)
        return None if entry is None else pickle.loads(entry[1])

    def has(self, key: str) -> bool:
        with self._lock:
            return key in self._entries

    def set(self, key: str, value: Any, timeout: int | None = None) -> bool:
        entry = (self._expires(timeout), pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        with self._lock:
            self._entries[key] = entry
        return True

    def add(self, key: str, value: Any, timeout: int | None = None) -> bool:
        entry = (self._expires(timeout), pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        with self._lock:
            if key in self._entries:
                return False
            self._entries[key] = entry
        return True

    def delete(self, key: str) -> bool:
        with self._lock:
            return self._entries.pop(key, None) is not None

    def clear(self) -> bool:
        with self._lock:
            self._entries.clear()
        return True

    def inc(self, key: str, delta: int = 1) -> int:
        with self._lock:
            entry = self._entries.get(key)
            expires, value = (math.inf, 0) if entry is None else (entry[0], pickle.loads(entry[1]))
            value = int(value or 0) + delta
            self._entries[key] = (expires, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        return value

    def dec(self, key: str, delta: int = 1) -> int:
        return self.inc(key, -delta)
