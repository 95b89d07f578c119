"""The one writer: replays the outbox into the index in batches, or builds it anew.

Every process may call ``catch_up``; whoever holds the machine's writer lock does
the work and the others return at once (what they committed is in the outbox, and
the lock's holder, or the next caller, applies it). Each batch is one tantivy commit
followed by the last applied outbox id in ``state.json``: a crash between the two
only replays entries again, and replaying is harmless (a role's document is read
afresh from the database each time).

An index rebuilds (``rebuild``) when it does not exist, when more entries wait than
a rebuild would cost (``SEARCH_REBUILD_BACKLOG``), or when it last caught up longer
ago than the outbox keeps entries (``SEARCH_OUTBOX_RETENTION_HOURS``).
"""

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Protocol

import sqlalchemy as sa
import tantivy

from careerexpo.core import caching
from careerexpo.core.database import utcnow
from careerexpo.search import outbox, schema, store

BATCH = 5_000
WRITER_HEAP = 32 * 1024 * 1024
REBUILD_HEAP = 512 * 1024 * 1024


@dataclass
class Settings:
    directory: Path
    retention: timedelta
    rebuild_backlog: int
    source: "Source"


class Source(Protocol):
    """Where documents come from: the owner of what is indexed (for roles,
    ``jobs/index_documents.py``). Rows are read as ``schema.document`` reads them."""

    def count(self, conn) -> int: ...

    def all(self, conn, batch: int) -> Iterator[list]: ...

    def some(self, conn, ids: list[int]) -> list: ...


def _write_documents(writer: tantivy.IndexWriter, rows) -> int:
    for row in rows:
        writer.add_document(schema.document(row))
    return len(rows)


def apply(index: tantivy.Index, source: Source, conn, ids: list[int]) -> None:
    """Rewrites these documents in one commit (dropping those the source no longer has)."""
    id_schema = index.schema
    writer = index.writer(WRITER_HEAP, 1)
    try:
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            writer.delete_documents_by_query(tantivy.Query.term_set_query(id_schema, "id", chunk))
            _write_documents(writer, source.some(conn, chunk))
        writer.commit()
        writer.wait_merging_threads()
    except BaseException:
        writer.rollback()
        raise


def _replay(index: tantivy.Index, source: Source, path: Path, engine: sa.Engine,
            after_id: int) -> int:
    """Applies every outbox entry after ``after_id``; returns how many."""
    applied = 0
    while True:
        with engine.connect() as conn:
            entries = outbox.entries_after(conn, after_id, BATCH * 4)
            if not entries:
                break
            apply(index, source, conn, sorted({doc_id for _, doc_id in entries}))
        after_id = entries[-1][0]
        store.write_state(path, last_id=after_id, caught_up_at=time.time())
        applied += len(entries)
    store.write_state(path, last_id=after_id, caught_up_at=time.time())
    return applied


def rebuild(settings: Settings, engine: sa.Engine, progress: Callable[[int, int], None] | None
            = None) -> int:
    """Builds the index anew from the database and makes it current; returns the roles
    indexed. Waits for the writer lock: whatever commits meanwhile is replayed after."""
    with store.writer_lock(settings.directory, wait=True):
        return _rebuild_locked(settings, engine, progress)


def _rebuild_locked(settings: Settings, engine: sa.Engine, progress=None) -> int:
    path = store.new_index_path(settings.directory)
    index = store.open_index(path)
    with engine.connect() as conn:
        # Read before the roles: whatever commits after this is replayed below.
        after_id = outbox.last_id(conn)
        total = settings.source.count(conn)
        # tantivy wants at least 15 MB a thread; more only pays for large builds.
        writer = index.writer(min(REBUILD_HEAP, max(32 * 1024 * 1024, total * 4096)), 0)
        done = 0
        for rows in settings.source.all(conn, BATCH):
            done += _write_documents(writer, rows)
            if progress:
                progress(done, total)
        writer.commit()
        writer.wait_merging_threads()
    store.write_state(path, last_id=after_id, caught_up_at=time.time())
    _replay(index, settings.source, path, engine, after_id)
    store.make_current(settings.directory, path)
    _jobs_generation_moved(engine)
    return done


def _jobs_generation_moved(engine: sa.Engine) -> None:
    # Cached pages were made from the index as it was: let them go.
    with engine.begin() as conn:
        caching.raise_generation(conn)


def catch_up(settings: Settings, engine: sa.Engine, wait: bool = False) -> int | None:
    """Applies what the outbox holds beyond the current index (building it when there
    is none or it is too far behind); ``None`` when another process holds the lock."""
    try:
        with store.writer_lock(settings.directory, wait=wait):
            return _catch_up_locked(settings, engine)
    except store.Busy:
        return None


def _catch_up_locked(settings: Settings, engine: sa.Engine) -> int:
    name = store.current_name(settings.directory)
    path = settings.directory / name if name else None
    state = store.read_state(path) if path and path.exists() else None
    if not state or time.time() - state["caught_up_at"] > settings.retention.total_seconds():
        return _rebuild_locked(settings, engine)
    with engine.connect() as conn:
        waiting = outbox.count_after(conn, state["last_id"])
    if not waiting:
        if time.time() - state["caught_up_at"] > 60:
            store.write_state(path, caught_up_at=time.time())
        return 0
    if waiting > settings.rebuild_backlog:
        return _rebuild_locked(settings, engine)
    applied = _replay(store.open_index(path), settings.source, path, engine, state["last_id"])
    _jobs_generation_moved(engine)
    return applied


def prune(settings: Settings, engine: sa.Engine) -> int:
    with engine.begin() as conn:
        return outbox.prune(conn, utcnow() - settings.retention)
