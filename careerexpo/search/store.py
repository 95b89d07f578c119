"""Where an index lives on disk, which copy is current, and who may write it.

    SEARCH_INDEX_DIR/
      writer.lock       held (flock) by the one process of this machine writing now
      current           the name of the index in use, replaced atomically on a rebuild
      index-v<version>-<stamp>/  a tantivy index (schema.VERSION), with state.json: the
                        last outbox id it applied

Processes on one machine share the directory: any of them searches, one at a time
writes. A rebuild writes a new ``index-*`` beside the current one and switches
``current`` when it has caught up, so searches never see a half-built index.
"""

import fcntl
import json
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

import tantivy

from careerexpo.search import schema

CURRENT = "current"
STATE = "state.json"


class Busy(Exception):
    """Another process of this machine holds the writer lock."""


@contextmanager
def writer_lock(directory: Path, wait: bool = False):
    """The machine's writer lock; :raise Busy: when ``wait`` is false and it is held."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / "writer.lock", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise Busy(str(directory)) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _prefix() -> str:
    return f"index-v{schema.VERSION}-"


def current_name(directory: Path) -> str | None:
    """The index in use; ``None`` when there is none, or only one built with other fields
    (an older release's), which the next catch-up replaces by a rebuild."""
    try:
        name = (directory / CURRENT).read_text().strip()
    except FileNotFoundError:
        return None
    return name if name.startswith(_prefix()) else None


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(text)
    os.replace(tmp, path)


def open_index(path: Path) -> tantivy.Index:
    index = tantivy.Index(schema.build_schema(), path=str(path), reuse=True)
    schema.register_tokenizers(index)
    return index


def new_index_path(directory: Path) -> Path:
    path = directory / f"{_prefix()}{time.time_ns()}"
    path.mkdir(parents=True)
    return path


def make_current(directory: Path, path: Path) -> None:
    """Switches searches to ``path`` and removes the indexes it replaces.

    Processes still reading a removed index keep its open files until they notice.
    """
    _write_atomically(directory / CURRENT, path.name)
    for old in directory.glob("index-*"):
        if old.name != path.name:
            shutil.rmtree(old, ignore_errors=True)


def read_state(path: Path) -> dict:
    try:
        return json.loads((path / STATE).read_text())
    except FileNotFoundError:
        return {}


def write_state(path: Path, **state) -> None:
    _write_atomically(path / STATE, json.dumps({**read_state(path), **state}))
