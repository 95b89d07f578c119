"""The search outbox: which documents may have changed, written in the same
transaction as the change, so the index can never miss a committed write.

Whoever owns the documents records the ids a write changes (``record``; for roles,
``jobs/index_changes.py``). The rows are written when the session commits, one per
document, and the outbox's rising id is the log every index replays (``indexer.py``).

On PostgreSQL the rows are written under a transaction-level advisory lock held to
the commit, so ids become visible in the order they were given and an index that
has applied up to id *n* has seen everything below it.
"""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, Session, mapped_column

from careerexpo.core import caching
from careerexpo.core.database import UTCDateTime, utcnow
from careerexpo.extensions import db

# Any constant; it names the lock that orders outbox writes on PostgreSQL.
_ADVISORY_LOCK = 0x63785F736561  # "cx_sea"
PENDING = "careerexpo_search_pending"
COMMITTED = "careerexpo_search_committed"


class SearchOutbox(db.Model):
    """One document (a role, by its id) that may have changed, in commit order."""

    __tablename__ = "search_outbox"

    id: Mapped[int] = mapped_column(sa.BigInteger().with_variant(sa.Integer, "sqlite"),
                                    primary_key=True)
    # No foreign key: a deleted role is recorded too, so the index drops it.
    job_id: Mapped[int] = mapped_column(sa.Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    # AUTOINCREMENT: SQLite must never hand out an id again after old entries are pruned.
    __table_args__ = {"sqlite_autoincrement": True}


_table = SearchOutbox.__table__


def _pending(session: Session) -> set[int]:
    return session.info.setdefault(PENDING, set())


def record(session: Session, ids) -> None:
    """Records these documents as changed, in the session's transaction; they are
    written to the outbox when it commits."""
    ids = [i for i in ids if i is not None]
    if ids:
        _pending(session).update(ids)
        caching.mark_jobs_changed(session)


@event.listens_for(Session, "before_commit")
def _write_outbox(session: Session) -> None:
    session.flush()
    pending = session.info.pop(PENDING, None)
    if not pending:
        return
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_ADVISORY_LOCK)))
    now = utcnow()
    ids = sorted(pending)
    for start in range(0, len(ids), 10_000):
        conn.execute(_table.insert(), [{"job_id": i, "created_at": now}
                                       for i in ids[start : start + 10_000]])
    session.info[COMMITTED] = True


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(PENDING, None)
    session.info.pop(COMMITTED, None)


def committed_changes(session: Session) -> bool:
    """Whether the transaction just committed wrote to the outbox (and forgets it)."""
    return session.info.pop(COMMITTED, False)


def last_id(conn) -> int:
    return conn.execute(sa.select(sa.func.max(_table.c.id))).scalar() or 0


def entries_after(conn, after_id: int, limit: int) -> list[tuple[int, int]]:
    return [tuple(r) for r in conn.execute(
        sa.select(_table.c.id, _table.c.job_id).where(_table.c.id > after_id)
        .order_by(_table.c.id).limit(limit))]


def count_after(conn, after_id: int) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(_table)
                        .where(_table.c.id > after_id)).scalar()


def prune(conn, before: datetime) -> int:
    """Forgets entries older than the retention window; returns how many."""
    return conn.execute(_table.delete().where(_table.c.created_at < before)).rowcount
