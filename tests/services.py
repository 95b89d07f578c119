"""Real PostgreSQL and Redis for the tests that need them.

Outside CI a test that needs a server that does not answer is skipped with the
reason; in CI (``CI=true``) it fails instead, because CI starts both servers.
"""

import os

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
POSTGRES_ADMIN_URL = os.environ.get(
    "TEST_POSTGRES_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
REDIS_TEST_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _unavailable(reason: str):
    if IN_CI:
        pytest.fail(f"{reason} (CI must run this test; .ci/run starts the server)")
    pytest.skip(reason)


def postgres_url_or_skip() -> str:
    import psycopg

    try:
        psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=2).close()
    except psycopg.OperationalError as exc:
        _unavailable(f"no PostgreSQL server answers at {POSTGRES_ADMIN_URL}: {exc}".strip())
    return POSTGRES_ADMIN_URL


def redis_url_or_skip() -> str:
    import redis

    try:
        redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError as exc:
        _unavailable(f"no Redis server answers at {REDIS_TEST_URL}: {exc}")
    return REDIS_TEST_URL


class OwnRedisServer:
    """A Redis server of the test's own on a free loopback port, which the test may stop and
    start again (the shared one on 6379 is never stopped: other tests use it)."""

    def __init__(self, folder):
        import shutil
        import socket

        self.binary = shutil.which("redis-server")
        if self.binary is None:
            _unavailable("redis-server is not installed")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.folder = folder
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> "OwnRedisServer":
        import subprocess
        import time

        import redis

        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis.from_url(self.url, socket_connect_timeout=0.2).ping()
                return self
            except redis.exceptions.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
