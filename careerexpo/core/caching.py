"""Cached public pages for signed-out visitors, invalidated by any change to the jobs.

Most traffic to a job board is anonymous reading of the same roles and searches.
Their responses are cached whole, keyed by the URL, the locale and a *jobs
generation* number. Signed-in users, requests that carry flashed messages and
anything but a 200 are never served from or stored in the cache.

The generation is a counter in the database (``cache_generations``), raised in the
same transaction as any change to a job, company, booth or expo. So every process
sees a change the moment it is committed, whoever made it: another web worker, or
a ``flask import-expo`` run beside a server that caches in its own memory.

The cache is an aid, never a dependency: when its Redis cannot be reached, pages
and searches are computed as if nothing were cached (and a warning is logged).
"""

import logging
from functools import wraps

import sqlalchemy as sa
from flask import Flask, current_app, make_response, request, session
from flask_babel import get_locale
from flask_login import current_user
from redis.exceptions import RedisError
from sqlalchemy import event
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Mapped, Session, mapped_column

from careerexpo.extensions import cache, db

JOBS = "jobs"
JOBS_CHANGED = "careerexpo_jobs_changed"


log = logging.getLogger(__name__)


class CacheGeneration(db.Model):
    """A counter that moves whenever what a family of cached pages shows may have changed."""

    __tablename__ = "cache_generations"

    name: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    value: Mapped[int] = mapped_column(sa.BigInteger, default=0)


_table = CacheGeneration.__table__
# Built once: read before every cacheable request.
_READ = sa.select(_table.c.value).where(_table.c.name == JOBS)


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


def generation() -> int:
    """The jobs generation, as the request's transaction sees it (0 before any change)."""
    # On the session's connection: the ORM's execution path costs more than the query.
    return db.session.connection().execute(_READ).scalar() or 0


def raise_generation(conn: sa.Connection) -> None:
    """Adds one to the jobs generation inside the connection's transaction."""
    insert = sqlite_insert if conn.dialect.name == "sqlite" else postgresql_insert
    conn.execute(
        insert(_table).values(name=JOBS, value=1)
        .on_conflict_do_update(index_elements=[_table.c.name],
                               set_={"value": _table.c.value + 1}))


def _cacheable_request() -> bool:
    return (request.method == "GET" and not current_user.is_authenticated
            and not session.get("_flashes"))


def cached_for_visitors(view):
    """Serves a signed-out visitor's GET from the cache when the jobs have not changed."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if not _cacheable_request():
            return view(*args, **kwargs)
        key = f"page:{generation()}:{get_locale()}:{request.full_path}"
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
    """Says that what this session writes changes what job listings show: the jobs
    generation moves when the session commits, in the same transaction."""
    session.info[JOBS_CHANGED] = True


@event.listens_for(Session, "before_commit")
def _raise_before_commit(session: Session) -> None:
    # Raised last, so the counter's row stays locked (on PostgreSQL) only while the
    # transaction commits, not through a whole import. The flush first marks what
    # is still pending.
    session.flush()
    if session.info.pop(JOBS_CHANGED, False):
        raise_generation(session.connection())


@event.listens_for(Session, "after_rollback")
def _forget_after_rollback(session: Session) -> None:
    session.info.pop(JOBS_CHANGED, None)


def init_app(app: Flask) -> None:
    cache.init_app(app)
