"""Cached public pages for signed-out visitors, invalidated by any change to the jobs.

Most traffic to a job board is anonymous reading of the same roles and searches.
Their responses are cached whole, keyed by the URL, the locale and a *jobs
generation* number; every committed change to a job or company bumps the
generation, so the next request renders afresh. Signed-in users, requests that
carry flashed messages and anything but a 200 are never served from or stored
in the cache.

The cache is an aid, never a dependency: when its Redis cannot be reached, pages
and searches are computed as if nothing were cached (and a warning is logged).
"""

import logging
from functools import wraps

from flask import Flask, current_app, has_app_context, make_response, request, session
from flask_babel import get_locale
from flask_login import current_user
from redis.exceptions import RedisError
from sqlalchemy import event
from sqlalchemy.orm import Session

from careerexpo.extensions import cache

GENERATION_KEY = "jobs-generation"
JOBS_CHANGED = "careerexpo_jobs_changed"


log = logging.getLogger(__name__)


def cache_get(key: str):
    """The cached value, or ``None`` when there is none or the cache cannot be reached."""
    try:
        return cache.get(key)
    except RedisError:
        log.warning("cache unreachable; reading %s from the database instead", key,
                    exc_info=True)
        return None


def cache_set(key: str, value, timeout: int) -> None:
    try:
        cache.set(key, value, timeout=timeout)
    except RedisError:
        log.warning("cache unreachable; %s not stored", key, exc_info=True)


def generation() -> int | None:
    """The jobs generation, or ``None`` when the cache cannot be reached: then nothing
    may be read from it or stored in it, as nobody can tell what is fresh."""
    try:
        return int(cache.get(GENERATION_KEY) or 0)
    except RedisError:
        log.warning("cache unreachable; serving without it", exc_info=True)
        return None


def bump_generation() -> None:
    # The backend's atomic increment (INCR on Redis), so concurrent writers never collide.
    try:
        cache.cache.inc(GENERATION_KEY)
    except RedisError:
        # The change is committed; entries cached before it expire within their timeout.
        log.error("cache unreachable; the jobs generation was not bumped", exc_info=True)


def _cacheable_request() -> bool:
    return (request.method == "GET" and not current_user.is_authenticated
            and not session.get("_flashes"))


def cached_for_visitors(view):
    """Serves a signed-out visitor's GET from the cache when the jobs have not changed."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        current = generation() if _cacheable_request() else None
        if current is None:
            return view(*args, **kwargs)
        key = f"page:{current}:{get_locale()}:{request.full_path}"
        hit = cache_get(key)
        if hit is not None:
            body, mimetype = hit
            return current_app.response_class(body, mimetype=mimetype)
        response = make_response(view(*args, **kwargs))
        if response.status_code == 200 and not response.direct_passthrough:
            cache_set(key, (response.get_data(), response.mimetype),
                      timeout=current_app.config["PUBLIC_CACHE_SECONDS"])
        return response

    return wrapped


def mark_jobs_changed(session: Session) -> None:
    """Says that what this session writes changes what job listings show: once it
    commits, a new jobs generation starts."""
    session.info[JOBS_CHANGED] = True


@event.listens_for(Session, "after_commit")
def _bump_after_commit(session: Session) -> None:
    # Bumped only once the change is visible to other connections.
    if session.info.pop(JOBS_CHANGED, False) and has_app_context():
        bump_generation()


@event.listens_for(Session, "after_rollback")
def _forget_after_rollback(session: Session) -> None:
    session.info.pop(JOBS_CHANGED, None)


def init_app(app: Flask) -> None:
    cache.init_app(app)
