"""The benchmark database: open roles from a few thousand companies, built once per size.

``sqlite_database(jobs)`` returns the path of ``bench/.data/jobs-<N>.sqlite3``,
building it first when it is missing, out of date or ``rebuild`` is asked for.
``postgres_database()`` makes a scratch PostgreSQL database and drops it after.
Either way the schema comes from the migrations (``flask_migrate.upgrade()``),
the rows from Core ``executemany`` in batches; the search index is built by
``bench/search.py`` itself (its build time is one of its figures).
"""

import json
import os
import time
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from _generate import Generator, company_count
from flask_migrate import upgrade

from careerexpo import create_app
from careerexpo.booths.models import Booth
from careerexpo.companies.models import Company, CompanyOffice
from careerexpo.core.database import refresh_statistics
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.jobs.search import listed_condition

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "bench" / ".data"
# Bump when the generator changes, so stale databases are built again.
DATA_VERSION = 2
POSTGRES_ADMIN_URL = os.environ.get(
    "BENCH_POSTGRES_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


def say(message: str = "", end: str = "\n") -> None:
    print(message, end=end, flush=True)


def progress_bar(label: str):
    def show(done: int, total: int) -> None:
        say(f"\r  {label}: {done:,}/{total:,}", end="\n" if done >= total else "")

    return show


def fill(conn: sa.Connection, jobs: int) -> None:
    """Inserts the companies, one expo with booths and ``jobs`` open roles."""
    now = datetime.now(UTC).replace(microsecond=0)
    gen = Generator(jobs, now)
    companies, offices = gen.company_rows()
    conn.execute(sa.insert(Company.__table__), companies)
    conn.execute(sa.insert(CompanyOffice.__table__), offices)
    today = date.today()
    conn.execute(sa.insert(Expo.__table__), [{
        "id": 1, "slug": "hk-it-career-expo", "name": "Hong Kong I&T Career Expo",
        "starts_on": today, "ends_on": today + timedelta(days=30),
        "description": "Benchmark expo", "created_at": now}])
    conn.execute(sa.insert(Booth.__table__), [
        {"expo_id": 1, "company_id": c["id"], "created_at": now}
        for c in gen.companies if c["id"] % 10 == 0])
    say(f"  {len(companies):,} companies, {len(offices):,} offices")
    show = progress_bar("jobs inserted")
    done = 0
    for rows in gen.job_batches():
        conn.execute(sa.insert(Job.__table__), rows)
        done += len(rows)
        show(done, jobs)


def build(url: str, jobs: int) -> dict:
    """Migrates an empty database at ``url``, fills it and indexes it; returns timings."""
    timings = {}
    app = create_app("development", SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        start = time.perf_counter()
        upgrade()
        timings["migrate"] = time.perf_counter() - start
        start = time.perf_counter()
        with db.engine.begin() as conn:
            fill(conn, jobs)
            if conn.dialect.name == "postgresql":
                # The rows came with their ids: move each sequence past them, so the
                # app's own inserts (the change-to-findable rows) get new ones.
                for table in (Company.__table__, Expo.__table__, Booth.__table__,
                              Job.__table__):
                    conn.execute(sa.text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"(SELECT coalesce(max(id), 1) FROM {table.name}))"))
        timings["insert"] = time.perf_counter() - start
        start = time.perf_counter()
        # What the app's own bulk loads (import-expo, seed-demo) do last.
        refresh_statistics()
        if db.engine.dialect.name == "postgresql":
            # And what autovacuum does within a minute of a bulk load, done now.
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(sa.text("VACUUM"))
        timings["analyze"] = time.perf_counter() - start
        db.engine.dispose()
    return timings


def _meta_path(jobs: int) -> Path:
    return DATA_DIR / f"jobs-{jobs}.json"


def _listed_jobs(url: str) -> int:
    app = create_app("development", SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        upgrade()  # a reused database follows migrations added since it was built
        n = db.session.scalar(sa.select(sa.func.count()).select_from(Job).where(
            listed_condition()))
        db.session.remove()
        db.engine.dispose()
    return n


def sqlite_database(jobs: int, rebuild: bool = False) -> Path:
    """The SQLite benchmark database with ``jobs`` open roles, built when needed."""
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = DATA_DIR / f"jobs-{jobs}.sqlite3"
    meta_path = _meta_path(jobs)
    if path.exists() and meta_path.exists() and not rebuild:
        meta = json.loads(meta_path.read_text())
        if meta.get("version") == DATA_VERSION:
            listed = _listed_jobs(f"sqlite:///{path}")
            if listed == jobs:
                say(f"Reusing {path.relative_to(ROOT)} ({jobs:,} listed roles, built "
                    f"{meta['built_at']} in {meta['seconds']:.1f} s)")
                return path
            say(f"{path.name}: only {listed:,} of {jobs:,} roles still listed; building again")
    tmp = path.with_suffix(".building")
    for stale in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        stale.unlink(missing_ok=True)
    say(f"Building {path.relative_to(ROOT)}: {jobs:,} roles, {company_count(jobs):,} companies")
    start = time.perf_counter()
    timings = build(f"sqlite:///{tmp}", jobs)
    seconds = time.perf_counter() - start
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(tmp, path)
    meta_path.write_text(json.dumps({
        "version": DATA_VERSION, "jobs": jobs, "seconds": seconds, "timings": timings,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds")}))
    say(f"Built in {seconds:.1f} s ("
        + ", ".join(f"{k} {s:.1f} s" for k, s in timings.items())
        + f"); {path.stat().st_size / 2**20:.0f} MB")
    return path


def postgres_available(admin_url: str = POSTGRES_ADMIN_URL) -> bool:
    import psycopg

    try:
        psycopg.connect(admin_url, connect_timeout=2).close()
    except psycopg.OperationalError:
        return False
    return True


@contextmanager
def postgres_database(jobs: int, admin_url: str = POSTGRES_ADMIN_URL):
    """A scratch PostgreSQL database with ``jobs`` roles; yields its URL, drops it after."""
    import psycopg

    name = f"careerexpo_bench_{os.getpid()}"
    base = admin_url.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    try:
        url = f"{base}/{name}"
        say(f"Building PostgreSQL database {name}: {jobs:,} roles")
        start = time.perf_counter()
        timings = build(url, jobs)
        say(f"Built in {time.perf_counter() - start:.1f} s ("
            + ", ".join(f"{k} {s:.1f} s" for k, s in timings.items()) + ")")
        yield url
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        say(f"Dropped {name}")
