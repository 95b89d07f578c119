"""CareerExpo as bench/chat.py serves it: ``gunicorn --pythonpath bench "chat_app:create_app()"``.

The app exactly as ``CAREEREXPO_ENV=testing`` makes it (CSRF and sign-in limits off),
except that the per-user chat flood limit is raised out of the bench's reach:
``config.py`` reads no ``CHAT_RATE_LIMIT`` from the environment. The limit is still
checked on every message (in memory, or in Redis with ``REDIS_URL``), as in
production; only its threshold changes.
"""

from careerexpo import create_app as _create_app

BENCH_CHAT_RATE_LIMIT = "1000000 per 10 seconds"


def create_app():
    return _create_app("testing", CHAT_RATE_LIMIT=BENCH_CHAT_RATE_LIMIT)
