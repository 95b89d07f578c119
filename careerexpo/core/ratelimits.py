"""Flood limits counted where every process sees them, and kept while that store is away.

With ``REDIS_URL`` set the counts live in Redis, so a limit holds across processes.
Redis is an aid, never a dependency: while it cannot be reached each process counts
in its own memory (a limit then holds per process, which is looser but still a
limit), and the shared counts are used again as soon as Redis answers.
"""

import logging

from limits import RateLimitItem
from limits.errors import StorageError
from limits.storage import MemoryStorage, storage_from_string
from limits.strategies import MovingWindowRateLimiter
from redis.exceptions import RedisError

from careerexpo.core.redis_pool import storage_options

log = logging.getLogger(__name__)

UNREACHABLE = (RedisError, StorageError, OSError)


class FallbackRateLimiter:
    def __init__(self, uri: str):
        self._shared = MovingWindowRateLimiter(storage_from_string(uri, **storage_options(uri)))
        self._local = MovingWindowRateLimiter(MemoryStorage())

    def hit(self, limit: RateLimitItem, *identifiers: str) -> bool:
        """Counts one hit; ``False`` when it is over the limit."""
        try:
            return self._shared.hit(limit, *identifiers)
        except UNREACHABLE:
            log.warning("rate-limit store unreachable; counting in this process",
                        exc_info=True)
            return self._local.hit(limit, *identifiers)
