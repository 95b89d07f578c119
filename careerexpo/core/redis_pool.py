"""One Redis connection pool per process and address, shared by presence, the flood
limits and the page cache, that makes a caller wait for a free connection rather than
fail.

A gevent process holds thousands of sockets. When many of them touch Redis at once
(a hall reconnecting after a restart, thousands disconnecting together) redis-py's
default pool refuses every call past its size with ``MaxConnectionsError``; this one
queues them for up to ``WAIT_SECONDS``, so a burst costs a wait, not an error, and the
Redis server never sees more than ``MAX_CONNECTIONS`` from one process. The wait is long
because what holds the connections in such a burst is the worker's own CPU (each call
waits for the loop to read its answer), not Redis; when Redis itself is away, calls
fail within ``socket_connect_timeout`` and free their connection at once.

The Socket.IO message queue keeps its own connections (python-socketio makes them).
"""

import os
import threading

import redis
from flask_caching.backends.rediscache import RedisCache

from careerexpo.config import REDIS_TIMEOUTS

MAX_CONNECTIONS = 200
WAIT_SECONDS = 20.0

_pools: dict[tuple[int, str], redis.BlockingConnectionPool] = {}
_lock = threading.Lock()


def pool(url: str) -> redis.BlockingConnectionPool:
    """This process's pool for ``url`` (a forked worker gets its own)."""
    key = (os.getpid(), url)
    with _lock:
        if key not in _pools:
            _pools[key] = redis.BlockingConnectionPool.from_url(
                url, max_connections=MAX_CONNECTIONS, timeout=WAIT_SECONDS, **REDIS_TIMEOUTS)
        return _pools[key]


def client(url: str) -> redis.Redis:
    return redis.Redis(connection_pool=pool(url))


def storage_options(url: str) -> dict:
    """Options for a ``limits`` storage at ``url``: the shared pool when it is Redis."""
    return {"connection_pool": pool(url)} if url.startswith(("redis://", "rediss://")) else {}


class SharedRedisCache(RedisCache):
    """Flask-Caching's Redis cache (``CACHE_TYPE``) on the shared pool."""

    @classmethod
    def factory(cls, app, config, args, kwargs):
        return cls(*args, host=client(config["CACHE_REDIS_URL"]),
                   key_prefix=config.get("CACHE_KEY_PREFIX"), **kwargs)
