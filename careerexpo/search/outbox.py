"""The search outbox: which roles' documents may have changed, written in the same
transaction as the change, so the index can never miss a committed write.

A flush that adds, changes or deletes a role, renames a company, or adds, moves or
removes a booth (a role's document lists the expos where its company has a booth)
records the roles concerned; ORM bulk ``update()``/``delete()`` statements on roles
are recorded too. The rows are written when the session commits, one per role,
and the outbox's rising id is the log every index replays (``indexer.py``).

On PostgreSQL the rows are written under a transaction-level advisory lock held to
the commit, so ids become visible in the order they were given and an index that
has applied up to id *n* has seen everything below it.
"""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, Session, mapped_column

from careerexpo.booths.models import Booth
from careerexpo.companies.models import Company
from careerexpo.core import caching
from careerexpo.core.database import UTCDateTime, utcnow
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.jobs.models import Job

# Any constant; it names the lock that orders outbox writes on PostgreSQL.
_ADVISORY_LOCK = 0x63785F736561  # "cx_sea"
PENDING = "careerexpo_search_pending"
COMMITTED = "careerexpo_search_committed"


class SearchOutbox(db.Model):
    """One role whose search document may have changed, in commit order."""

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


def _jobs_of_companies(session: Session, company_ids) -> list[int]:
    ids = [i for i in company_ids if i is not None]
    if not ids:
        return []
    return list(session.connection().execute(
        sa.select(Job.id).where(Job.company_id.in_(ids))).scalars())


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _flush_context, _instances) -> None:
    # An expo's booths go with it in the database (ON DELETE CASCADE): find whose they
    # were before they are gone.
    expos = [o.id for o in session.deleted if isinstance(o, Expo) and o.id is not None]
    if expos:
        companies = session.connection().execute(
            sa.select(Booth.company_id).where(Booth.expo_id.in_(expos))).scalars()
        _pending(session).update(_jobs_of_companies(session, companies))


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush_context) -> None:
    pending = _pending(session)
    companies = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Job) and obj.id is not None:
            pending.add(obj.id)
        elif isinstance(obj, Company) and obj in session.dirty:
            if sa.inspect(obj).attrs.name.history.has_changes():
                companies.add(obj.id)
        elif isinstance(obj, Booth):
            state = sa.inspect(obj)
            if obj in session.dirty and not (state.attrs.expo_id.history.has_changes()
                                             or state.attrs.company_id.history.has_changes()):
                continue
            companies.add(obj.company_id)
            companies.update(state.attrs.company_id.history.deleted or ())
    pending.update(_jobs_of_companies(session, companies))
    if pending:
        caching.mark_jobs_changed(session)


@event.listens_for(Session, "do_orm_execute")
def _bulk_statement(orm_execute_state) -> None:
    """``session.execute(update(Job)…)`` changes rows the unit of work never sees."""
    if not (orm_execute_state.is_update or orm_execute_state.is_delete):
        return
    mapper = orm_execute_state.bind_mapper
    if mapper is None or mapper.class_ not in (Job, Company):
        return
    statement = orm_execute_state.statement
    session = orm_execute_state.session
    where = statement.whereclause
    if mapper.class_ is Job:
        ids = session.connection().execute(
            sa.select(Job.id) if where is None else sa.select(Job.id).where(where)).scalars()
    else:
        companies = session.connection().execute(
            sa.select(Company.id) if where is None else sa.select(Company.id).where(where))
        ids = _jobs_of_companies(session, companies.scalars())
    _pending(session).update(ids)
    caching.mark_jobs_changed(session)


def record(session: Session, job_ids) -> None:
    """Records these roles now, in the session's transaction (for Core-level writers)."""
    _pending(session).update(job_ids)
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
