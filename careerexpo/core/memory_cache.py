"""The app's cache when no Redis is configured: kept in the process, bounded, timed.

Flask-Caching's ``SimpleCache`` has two faults that matter here. Once it holds its
threshold of entries it sorts all of them on every store, and a job board stores a
page for nearly every role a visitor opens; and its ``inc`` stores the result with
the default timeout, so a jobs generation could fall back to an earlier number while
entries cached under that number still live. This one keeps entries in a
``cachetools.TLRUCache`` bounded by the bytes it holds rather than by a count of
entries (a search page weighs a hundred counters): the least recently used entries go
first when it is full, each entry expires at its own time, and, like Redis's ``INCR``,
a counter keeps the expiry it had, none for a new one.

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

# What an entry costs besides its pickled value: its key, tuple and bookkeeping.
ENTRY_OVERHEAD = 200


def _expiry(_key, entry, _now) -> float:
    return entry[0]


def _size(entry) -> int:
    return len(entry[1]) + ENTRY_OVERHEAD


class MemoryCache(BaseCache):
    def __init__(self, max_bytes: int = 32 * 1024 * 1024, default_timeout: int = 300,
                 timer=time.monotonic, **kwargs) -> None:
        super().__init__(default_timeout=default_timeout, **kwargs)
        self._timer = timer
        self._entries = TLRUCache(maxsize=max_bytes, ttu=_expiry, timer=timer,
                                  getsizeof=_size)
        # One process may serve several threads (the development server, chat).
        self._lock = threading.Lock()

    @classmethod
    def factory(cls, app: Flask, config: dict[str, Any], args: list[Any],
                kwargs: dict[str, Any]) -> "MemoryCache":
        return cls(*args, max_bytes=config["CACHE_MEMORY_BYTES"], **kwargs)

    def _store(self, key: str, entry: tuple) -> bool:
        # Called holding the lock.
        try:
            self._entries[key] = entry
        except ValueError:  # larger than the whole cache: not kept, nor an older value
            self._entries.pop(key, None)
            return False
        return True

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
            return self._store(key, entry)

    def add(self, key: str, value: Any, timeout: int | None = None) -> bool:
        entry = (self._expires(timeout), pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        with self._lock:
            if key in self._entries:
                return False
            return self._store(key, entry)

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
            self._store(key, (expires, pickle.dumps(value, pickle.HIGHEST_PROTOCOL)))
        return value

    def dec(self, key: str, delta: int = 1) -> int:
        return self.inc(key, -delta)
