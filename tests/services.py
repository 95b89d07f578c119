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
