"""The full-text index of jobs: title, description and company name.

SQLite keeps it in an FTS5 table (``job_fts``), PostgreSQL in a ``tsvector``
column with a GIN index (``job_search``); both are made by the migrations.

Neither tokenizer splits Chinese, Japanese or Korean text into words, so before
indexing every CJK character is spaced out into a token of its own, and a CJK
run in a query becomes a phrase of consecutive characters: "軟件" finds
"高級軟件工程師" on either backend, however short the query.

The index follows the ORM: a flush that adds, changes or deletes a job, or
renames a company, rewrites those jobs' entries in the same transaction.
"""

import re
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from careerexpo.companies.models import Company
from careerexpo.core import caching
from careerexpo.jobs.models import Job

CJK = (
    "\u2e80-\u2fff\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f"
)
_CJK_CHAR = re.compile(f"([{CJK}])")
# A query term is a run of CJK characters or a run of other letters and digits.
_QUERY_TERM = re.compile(f"[{CJK}]+|(?:(?![{CJK}])[^\\W_])+")

SQLITE_WEIGHTS = "10.0, 1.0, 4.0"  # title, description, company
BATCH = 500


def segment(text: str) -> str:
    return _CJK_CHAR.sub(r" \1 ", text or "")


def query_terms(q: str) -> list[tuple[str, list[str]]]:
    """Split a query into ``("prefix", [word])`` and ``("phrase", [chars])`` terms."""
    terms = []
    for term in _QUERY_TERM.findall(q.lower()):
        if _CJK_CHAR.match(term):
            terms.append(("phrase", list(term)))
        else:
            terms.append(("prefix", [term]))
    return terms


def fts5_expression(terms) -> str:
    # Terms hold only letters and digits, so quoting them cannot break the syntax.
    parts = []
    for kind, tokens in terms:
        parts.append(f'"{tokens[0]}"*' if kind == "prefix" else '"' + " ".join(tokens) + '"')
    return " ".join(parts)


def tsquery_expression(terms) -> str:
    parts = []
    for kind, tokens in terms:
        if kind == "prefix":
            parts.append(f"'{tokens[0]}':*")
        else:
            parts.append("(" + " <-> ".join(f"'{t}'" for t in tokens) + ")")
    return " & ".join(parts)


def _documents(conn: Connection, job_ids: list[int]):
    rows = conn.execute(
        sa.text(
            "SELECT jobs.id, jobs.title, jobs.description, companies.name "
            "FROM jobs JOIN companies ON companies.id = jobs.company_id "
            "WHERE jobs.id IN :ids"
        ).bindparams(sa.bindparam("ids", expanding=True)),
        {"ids": job_ids},
    )
    return [
        {"id": r[0], "title": segment(r[1]), "description": segment(r[2]), "company": segment(r[3])}
        for r in rows
    ]


def reindex(conn: Connection, job_ids: Iterable[int]) -> None:
    """Rewrites the index entries of these jobs (removing those of deleted jobs)."""
    ids = sorted(set(job_ids))
    sqlite = conn.dialect.name == "sqlite"
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        delete = (
            "DELETE FROM job_fts WHERE rowid IN :ids"
            if sqlite
            else "DELETE FROM job_search WHERE job_id IN :ids"
        )
        conn.execute(
            sa.text(delete).bindparams(sa.bindparam("ids", expanding=True)), {"ids": chunk}
        )
        docs = _documents(conn, chunk)
        if not docs:
            continue
        if sqlite:
            insert = (
                "INSERT INTO job_fts (rowid, title, description, company) "
                "VALUES (:id, :title, :description, :company)"
            )
        else:
            insert = (
                "INSERT INTO job_search (job_id, document) VALUES (:id, "
                "setweight(to_tsvector('simple', :title), 'A') || "
                "setweight(to_tsvector('simple', :company), 'B') || "
                "setweight(to_tsvector('simple', :description), 'D'))"
            )
        conn.execute(sa.text(insert), docs)


def rebuild(conn: Connection, progress=None) -> int:
    """Indexes every job again; returns how many. For bulk loads and repairs."""
    ids = [r[0] for r in conn.execute(sa.text("SELECT id FROM jobs ORDER BY id"))]
    conn.execute(sa.text("DELETE FROM job_fts" if conn.dialect.name == "sqlite"
                         else "DELETE FROM job_search"))
    for start in range(0, len(ids), BATCH * 4):
        reindex(conn, ids[start : start + BATCH * 4])
        if progress:
            progress(min(start + BATCH * 4, len(ids)), len(ids))
    return len(ids)


_PENDING = "careerexpo_jobs_to_reindex"


@event.listens_for(Session, "after_flush")
def _collect_changed_jobs(session: Session, _flush_context) -> None:
    pending = session.info.setdefault(_PENDING, set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Job) and obj.id is not None:
            pending.add(obj.id)
        elif isinstance(obj, Company) and obj in session.dirty:
            if sa.inspect(obj).attrs.name.history.has_changes():
                pending.update(
                    session.connection()
                    .execute(sa.text("SELECT id FROM jobs WHERE company_id = :c"), {"c": obj.id})
                    .scalars()
                )


@event.listens_for(Session, "after_flush_postexec")
def _reindex_changed_jobs(session: Session, _flush_context) -> None:
    pending = session.info.pop(_PENDING, None)
    if pending:
        reindex(session.connection(), pending)
        # Cached public pages and searches are stale once this commits.
        caching.mark_jobs_changed(session)
