"""The index as each process sees it: a searcher that follows commits and rebuilds made
by any process of the machine, and the triggers that keep the index fed.

- After a commit that wrote to the outbox, the committing process applies it at
  once if it can take the writer lock (so a person finds the role they just
  published); if another process holds the lock, that one or the next poll applies it.
- Serving processes also poll the outbox (``SEARCH_POLL_SECONDS``) for what other
  processes and other machines committed, and prune entries past the retention.
- Searching opens the current index, reloading when its ``meta.json`` changed and
  reopening when a rebuild made another index current.
"""

import logging
import os
import threading
import time
from datetime import timedelta
from pathlib import Path

import tantivy
from flask import Flask, current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

from careerexpo.extensions import db
from careerexpo.search import indexer, outbox, store

log = logging.getLogger(__name__)
EXTENSION = "careerexpo_search"
PRUNE_EVERY_SECONDS = 3600


class SearchEngine:
    def __init__(self, app: Flask, source: indexer.Source):
        self.app = app
        self.settings = indexer.Settings(
            directory=Path(app.config["SEARCH_INDEX_DIR"]),
            retention=timedelta(hours=app.config["SEARCH_OUTBOX_RETENTION_HOURS"]),
            rebuild_backlog=app.config["SEARCH_REBUILD_BACKLOG"],
            source=source,
        )
        self._lock = threading.Lock()
        self._opened: tuple[str, tantivy.Index] | None = None
        self._meta_mtime = 0
        self._poller: threading.Thread | None = None
        self._wake = threading.Event()

    @property
    def engine(self):
        with self.app.app_context():
            return db.engine

    def catch_up(self, wait: bool = False) -> int | None:
        return indexer.catch_up(self.settings, self.engine, wait=wait)

    def rebuild(self, progress=None) -> int:
        return indexer.rebuild(self.settings, self.engine, progress)

    def index(self) -> tantivy.Index:
        """The current index, up to date with the last commit any process made to it."""
        directory = self.settings.directory
        name = store.current_name(directory)
        if name is None:
            # A fresh machine: build it now (every process waits for the one that builds).
            self.catch_up(wait=True)
            name = store.current_name(directory)
        with self._lock:
            if self._opened is None or self._opened[0] != name:
                self._opened = (name, store.open_index(directory / name))
                self._meta_mtime = 0
            index = self._opened[1]
            try:
                mtime = os.stat(directory / name / "meta.json").st_mtime_ns
            except FileNotFoundError:
                mtime = 0
            if mtime != self._meta_mtime:
                index.reload()
                self._meta_mtime = mtime
        return index

    def searcher(self) -> tantivy.Searcher:
        return self.index().searcher()

    def committed(self) -> None:
        """The process committed outbox entries: apply them now, or let the poller."""
        try:
            self.catch_up()
        except Exception:  # the entries are safe in the outbox; the next poll applies them
            log.exception("search index not updated after commit; the poller will retry")
        self._wake.set()

    def start_polling(self) -> None:
        interval = self.app.config["SEARCH_POLL_SECONDS"]
        if interval <= 0 or (self._poller and self._poller.is_alive()):
            return  # the common case, checked before taking the lock on every request
        with self._lock:
            if interval <= 0 or (self._poller and self._poller.is_alive()):
                return
            self._poller = threading.Thread(target=self._poll, args=(interval,),
                                            name="search-indexer", daemon=True)
            self._poller.start()

    def _poll(self, interval: float) -> None:
        pruned_at = 0.0
        while True:
            self._wake.wait(interval)
            self._wake.clear()
            try:
                self.catch_up()
                if time.monotonic() - pruned_at > PRUNE_EVERY_SECONDS:
                    indexer.prune(self.settings, self.engine)
                    pruned_at = time.monotonic()
            except Exception:
                log.exception("search indexer: catching up failed; retrying")
                time.sleep(interval * 10)


def search_engine() -> SearchEngine:
    return current_app.extensions[EXTENSION]


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if outbox.committed_changes(session):
        try:
            app = current_app._get_current_object()
        except RuntimeError:
            return  # no app: the poller of a serving process applies it
        engine = app.extensions.get(EXTENSION)
        if engine is not None:
            engine.committed()


def init_app(app: Flask, source: indexer.Source) -> None:
    """Serves searches from this machine's index, fed with ``source``'s documents."""
    engine = SearchEngine(app, source)
    app.extensions[EXTENSION] = engine

    @app.before_request
    def _start_indexer():
        engine.start_polling()
