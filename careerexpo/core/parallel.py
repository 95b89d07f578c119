"""Running blocking calls that release the GIL (the search engine's, written in Rust;
password hashing) on real threads, side by side, so one request can use every core and
a gevent worker's loop keeps serving its sockets meanwhile.

Under gevent, ``threading`` is patched into greenlets, which would run these calls one
after the other on the loop itself; gevent's own pool of native threads is used instead.
"""

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")


def _gevent_hub():
    try:
        from gevent import get_hub, monkey
    except ImportError:
        return None
    return get_hub() if monkey.is_module_patched("threading") else None


@lru_cache(maxsize=1)
def _executor(_pid: int) -> ThreadPoolExecutor:
    """This process's pool (keyed by pid: a forked worker does not inherit threads)."""
    return ThreadPoolExecutor(max_workers=os.cpu_count() or 2,
                              thread_name_prefix="careerexpo-parallel")


def off_loop(call: Callable[[], T]) -> T:
    """``call()``, on a native thread when under gevent (a 100 ms password hash would
    otherwise stop every socket of the worker for as long)."""
    return in_parallel(call)[0]


def in_parallel(*calls: Callable[[], T]) -> list[T]:
    """Each call's result, in order; the first call's exception is raised if any failed."""
    if len(calls) == 1:
        hub = _gevent_hub()
        return [hub.threadpool.apply(calls[0]) if hub else calls[0]()]
    hub = _gevent_hub()
    if hub is not None:
        pending = [hub.threadpool.spawn(call) for call in calls]
        return [result.get() for result in pending]
    # This thread does the first call itself rather than wait idle for the pool.
    pending = [_executor(os.getpid()).submit(call) for call in calls[1:]]
    first = calls[0]()
    return [first, *(future.result() for future in pending)]
