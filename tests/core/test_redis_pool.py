"""A burst of Redis calls larger than the connection pool waits its turn; nothing fails."""

import threading
import time
import uuid

import pytest
import redis

from careerexpo.chat.presence import RedisPresence
from careerexpo.core import redis_pool
from tests.services import redis_url_or_skip

BURST = 40


@pytest.fixture
def small_pool(monkeypatch):
    """A pool of 2 for a database number no other test uses, so this test has its own."""
    url = redis_url_or_skip().rsplit("/", 1)[0] + "/13"
    monkeypatch.setattr(redis_pool, "MAX_CONNECTIONS", 2)
    yield url
    redis_pool.pool(url).disconnect()
    redis.Redis.from_url(url).flushdb()


def test_presence_counts_everyone_who_connects_in_a_burst_larger_than_its_pool(small_pool):
    presence = RedisPresence(small_pool, f"test-{uuid.uuid4().hex}:")
    start = threading.Barrier(BURST)
    failures = []

    def visit(number):
        start.wait()
        try:
            presence.connect(f"sid-{number}", number, f"login-{number}")
            presence.join(f"sid-{number}", "booth:1", number, False)
        except redis.RedisError as exc:
            failures.append(exc)

    threads = [threading.Thread(target=visit, args=(n,)) for n in range(BURST)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert presence.counts("booth:1") == (BURST, 0)
    assert presence.online_users() == BURST
    # …and the server never saw more than the pool's connections from this process.
    assert len(redis_pool.pool(small_pool)._connections) <= 2


def test_a_call_that_cannot_get_a_connection_in_time_fails_rather_than_hangs(
        small_pool, monkeypatch):
    monkeypatch.setattr(redis_pool, "WAIT_SECONDS", 0.2)
    monkeypatch.setattr(redis_pool, "MAX_CONNECTIONS", 1)
    url = small_pool.rsplit("/", 1)[0] + "/12"
    client = redis_pool.client(url)
    held = redis_pool.pool(url).get_connection()
    began = time.monotonic()
    try:
        with pytest.raises(redis.ConnectionError):
            client.ping()
        assert time.monotonic() - began < 2
    finally:
        redis_pool.pool(url).release(held)
        redis_pool.pool(url).disconnect()
    assert client.ping()
