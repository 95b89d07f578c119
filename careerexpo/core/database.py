"""Database types and engine settings shared by every model."""

from datetime import UTC, datetime

import sqlalchemy as sa
from flask import Flask
from sqlalchemy import event
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.types import TypeDecorator

from careerexpo.extensions import db

# The largest value of the INTEGER columns every id is kept in (on PostgreSQL too).
INT_MAX = 2_147_483_647


def as_row_id(value) -> int | None:
    """``value`` if it can be a row's id (a whole number from 1 to ``INT_MAX``), else
    ``None``: ids from outside (a socket payload, say) must not reach a query as a
    string, a float, a bool or a number the column cannot hold."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= INT_MAX:
        return value
    return None


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """A timezone-aware datetime, stored as UTC on every backend.

    SQLite has no timezone type, so values are normalised to UTC on the way in
    and marked UTC on the way out.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; attach a timezone")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def enum_column(enum_cls, **kwargs) -> sa.Enum:
    """Stores a StrEnum as its lower-case key, checked by the database."""
    return sa.Enum(
        enum_cls,
        values_callable=lambda e: [m.value for m in e],
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        length=32,
        name=enum_cls.__name__.lower(),
        **kwargs,
    )


def engine_options(app: Flask) -> None:
    """A database server may drop idle connections, so each is tested (a ``SELECT 1``)
    before use; an SQLite file cannot, and the test would cost every request a query."""
    options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        options.setdefault("pool_pre_ping", True)
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options


def configure_engine(app: Flask) -> None:
    """SQLite: WAL so readers never wait for a writer, a busy timeout, foreign keys on."""
    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "sqlite":
        return

    busy_timeout = int(app.config.get("SQLITE_BUSY_TIMEOUT_MS", 5000))

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # 64 MB of page cache and memory-mapped reads: aggregates over 100k rows stay in RAM.
        cursor.execute("PRAGMA cache_size=-65536")
        cursor.execute("PRAGMA mmap_size=268435456")
        cursor.close()


def insert_if_absent(model, **values) -> None:
    """INSERT … ON CONFLICT DO NOTHING: adds a row unless one with the same keys exists."""
    insert = sqlite_insert if db.session.get_bind().dialect.name == "sqlite" else pg_insert
    db.session.execute(insert(model.__table__).values(**values).on_conflict_do_nothing())


def refresh_statistics() -> None:
    """Re-counts table statistics after a bulk load, so the query planner sees the new sizes.

    Without them SQLite guesses that filtering on a job's state is selective and
    scans that index instead of starting from the full-text matches.
    """
    with db.engine.begin() as conn:
        conn.execute(sa.text("ANALYZE"))


def tally(condition, label: str):
    """How many rows meet ``condition``: ``COUNT(*) FILTER (WHERE …)``, 0 when none do.

    FILTER skips the aggregate step for the rows that fail the test, where
    SUM(CASE …) would add a 0 for each: with thirty tallies over 100,000 rows,
    that per-row work is what such a query spends its time on (bench/stats.py).
    """
    return sa.func.count().filter(condition).label(label)


def member_tallies(name: str, column, enum_cls) -> list:
    """A tally per member of ``enum_cls`` in ``column`` (labelled ``name:member``) but the
    last, which ``member_counts`` derives: one tally fewer per row."""
    return [tally(column == member, f"{name}:{member}") for member in list(enum_cls)[:-1]]


def member_counts(row, name: str, enum_cls, total: int) -> dict[str, int]:
    """Every member's count from ``member_tallies`` in ``row``: the last is what the others
    leave of ``total``, since the column is NOT NULL and checked against its enum."""
    counts = {m.value: int(row[f"{name}:{m}"]) for m in list(enum_cls)[:-1]}
    counts[list(enum_cls)[-1].value] = total - sum(counts.values())
    return counts


def hk_day(column):
    """The Hong Kong calendar day of a UTC timestamp column, worked out by the database."""
    if db.session.get_bind().dialect.name == "sqlite":
        return sa.func.date(column, "+8 hours")  # Hong Kong keeps no daylight saving
    return sa.func.date(sa.func.timezone("Asia/Hong_Kong", column))


def is_sqlite() -> bool:
    return db.engine.dialect.name == "sqlite"
