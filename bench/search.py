"""How fast the job search service answers, next to fetching one job by id.

Builds (or reuses, under bench/.data/) a database of 100,000 open roles from
about 3,000 companies, then times through the app's own services, in an app
context, with ``time.perf_counter`` (warm-up first, then 200 timed runs each by
default, varying the terms, filters or ids from run to run):

  by id        ``jobs.services.get_listed_job`` (what /jobs/<id> runs) -- the baseline
  selective    a text query matching at most 5% of the roles, facet counts included
  broad        a text query matching at least 30% of the roles, facet counts included
  facets only  filters and no text (level=entry&region=hong_kong and the like)
  deep page    page 200 of a broad text query, newest first
  chinese      a Chinese query (CJK characters searched as a phrase)

Each timed run is what one request does with the database: it begins with an
empty session (a pool checkout) and ends with ``db.session.remove()``.

Every backend is timed twice. "uncached" turns the search cache off
(``SEARCH_CACHE_SECONDS=0``): each search costs what the first of its kind since
the jobs last changed costs. "cached" leaves it on: the warm-up runs each search
once, so every timed run is a repeat, answered from the cache (the app's
in-process cache here; Redis in a multi-process deployment) plus one query for the
page's rows. How often a real search is a repeat depends on the traffic.

Targets, on SQLite at 100,000 roles: selective p50 within 5x of by-id p50, broad
within 20x, and every search p95 under 100 ms. The same table is printed for
PostgreSQL when a server answers at 127.0.0.1:5432 (a scratch database is
created and dropped); the targets are shown there for reference.

Run:  .venv/bin/python bench/search.py [--jobs N] [--rebuild] [--no-postgres]
"""

import argparse
import hashlib
import os
import platform
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import _data
import sqlalchemy as sa
from _data import say
from _report import percentile, table, verdict

from careerexpo import create_app
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.jobs.search import JobQuery, listed_condition, search_jobs
from careerexpo.jobs.services import get_listed_job

# Each list is checked at run time against the share of roles it matches.
SELECTIVE_TERMS = ["kubernetes", "verilog", "crispr", "blockchain", "firmware", "lidar",
                   "fpga", "pytorch", "graphene", "solidity", "analyst", "dicom"]
BROAD_TERMS = ["engineer", "research", "design", "product", "experience", "team"]
CHINESE_TERMS = ["工程師", "軟件", "數據", "人工智能", "研究", "經理", "香港科學園"]
FACET_FILTERS = [{"level": (level,), "region": (region,)}
                 for level in ("entry", "middle", "senior")
                 for region in ("hong_kong", "gba", "remote")]
DEEP_PAGE = 200
SELECTIVE_MAX, BROAD_MIN = 0.05, 0.30
SEARCH_P95_MS = 100.0
# Printed as one digest, so figures can be matched to the code that produced them.
SEARCH_CODE = ["careerexpo/jobs/search.py", "careerexpo/jobs/search_index.py",
               "careerexpo/jobs/services.py", "careerexpo/core/database.py"]


@dataclass
class Scenario:
    name: str
    calls: list[Callable[[], int]]  # each returns the number of matching roles
    max_ratio: float | None = None  # p50 at most this many times the by-id p50
    p95_ms: float | None = None
    share: tuple[float, float] | None = None  # honest label: matched share in this range
    samples: list[float] = field(default_factory=list)
    matched: list[int] = field(default_factory=list)


def _search(query: JobQuery) -> Callable[[], int]:
    def call() -> int:
        result = search_jobs(query)
        if not result.items and result.total >= query.page * query.per_page:
            raise RuntimeError(f"page {query.page} of {query} came back empty")
        return result.total

    return call


def _by_id(job_id: int) -> Callable[[], int]:
    def call() -> int:
        job = get_listed_job(job_id)
        if job is None or not job.company.name:
            raise RuntimeError(f"job {job_id} is not listed")
        return 1

    return call


def scenarios(jobs: int, runs: int, rng: random.Random) -> list[Scenario]:
    ids = [rng.randint(1, jobs) for _ in range(runs * 2)]
    return [
        Scenario("by id", [_by_id(i) for i in ids]),
        Scenario("selective", [_search(JobQuery(q=t)) for t in SELECTIVE_TERMS],
                 max_ratio=5, p95_ms=SEARCH_P95_MS, share=(0, SELECTIVE_MAX)),
        Scenario("broad", [_search(JobQuery(q=t)) for t in BROAD_TERMS],
                 max_ratio=20, p95_ms=SEARCH_P95_MS, share=(BROAD_MIN, 1)),
        Scenario("facets only", [_search(JobQuery(filters=f)) for f in FACET_FILTERS],
                 p95_ms=SEARCH_P95_MS),
        Scenario(f"deep page {DEEP_PAGE}",
                 [_search(JobQuery(q=t, sort="newest", page=DEEP_PAGE)) for t in BROAD_TERMS],
                 p95_ms=SEARCH_P95_MS, share=(BROAD_MIN, 1)),
        Scenario("chinese", [_search(JobQuery(q=t)) for t in CHINESE_TERMS],
                 p95_ms=SEARCH_P95_MS),
    ]


def measure(scenario: Scenario, runs: int, warmup: int, budget: float,
            rng: random.Random) -> None:
    """Untimed warm-up runs, then ``runs`` timed ones, stopping early after ``budget`` s."""
    calls = list(scenario.calls)
    for i in range(warmup):
        calls[i % len(calls)]()
        db.session.remove()
    order = [calls[i % len(calls)] for i in range(runs)]
    rng.shuffle(order)
    deadline = time.perf_counter() + budget
    for call in order:
        start = time.perf_counter()
        matched = call()
        db.session.remove()
        end = time.perf_counter()
        scenario.samples.append((end - start) * 1000)
        scenario.matched.append(matched)
        if end > deadline and len(scenario.samples) >= 20:
            break


def report(backend: str, listed: int, results: list[Scenario], targets_apply: bool) -> bool:
    """Prints the table; returns whether every target passed."""
    base = statistics.median(results[0].samples)
    rows, ok_all, notes = [], True, []
    for s in results:
        p50, p95 = statistics.median(s.samples), percentile(s.samples, 95)
        ratio = p50 / base
        lo, hi = min(s.matched), max(s.matched)
        matched = f"{lo:,}" if lo == hi else f"{lo:,}-{hi:,}"
        share = f"{lo / listed:.1%}" if lo == hi else f"{lo / listed:.1%}-{hi / listed:.1%}"
        if s.max_ratio is None and s.p95_ms is None:
            share = "-"
        wanted, ok = [], True
        if s.max_ratio is not None:
            wanted.append(f"p50<={s.max_ratio:g}x")
            ok &= ratio <= s.max_ratio
        if s.p95_ms is not None:
            wanted.append(f"p95<{s.p95_ms:g}ms")
            ok &= p95 < s.p95_ms
        if s.share is not None and not (s.share[0] <= lo / listed and hi / listed <= s.share[1]):
            notes.append(f"  label check FAILED: {s.name} matched {share} of the roles, "
                         f"outside {s.share[0]:.0%}-{s.share[1]:.0%}")
            ok = False
        if wanted:
            ok_all &= ok
        rows.append([s.name, matched, share, str(len(s.samples)), f"{p50:.2f}", f"{p95:.2f}",
                     f"{ratio:.1f}x", " ".join(wanted) or "baseline",
                     verdict(ok) if wanted else ""])
    scope = "" if targets_apply else \
        " (the targets are set for SQLite at 100,000 roles: shown for reference)"
    say(f"\n== {backend}: {listed:,} listed roles{scope}")
    say(table(["search", "rows matched", "share", "runs", "p50 ms", "p95 ms", "p50/by-id",
               "target", "result"], rows))
    for line in notes:
        say(line)
    say("  label check: " + "; ".join(
        f"{s.name} matched {min(s.matched) / listed:.1%}-{max(s.matched) / listed:.1%}"
        f" (wanted {s.share[0]:.0%}-{s.share[1]:.0%})" for s in results if s.share))
    return ok_all


# Each backend is timed twice: every search as the first of its kind since the jobs last
# changed (the search cache off), then as a repeat, answered by the search cache.
CACHE_MODES = {"uncached": 0, "cached": 60}


def run_backend(backend: str, url: str, args, targets_apply: bool, mode: str) -> bool:
    app = create_app("development", SQLALCHEMY_DATABASE_URI=url,
                     SEARCH_CACHE_SECONDS=CACHE_MODES[mode])
    backend = f"{backend}, {mode}"
    rng = random.Random(7)
    with app.app_context():
        listed = db.session.scalar(
            sa.select(sa.func.count()).select_from(Job).where(listed_condition()))
        db.session.remove()
        results = scenarios(args.jobs, args.runs, rng)
        say(f"Timing on {backend}: ", end="")
        for scenario in results:
            say(f"{scenario.name}... ", end="")
            measure(scenario, args.runs, args.warmup, args.budget, rng)
        say("done")
        ok = report(backend, listed, results, targets_apply)
        db.engine.dispose()
    return ok


def code_digest() -> str:
    digest = hashlib.sha256()
    for name in SEARCH_CODE:
        digest.update((_data.ROOT / name).read_bytes())
    return digest.hexdigest()[:12]


# The search code as imported by this process: what the figures are for.
LOADED_CODE = code_digest()


def describe_machine() -> None:
    """What the figures depend on: versions, CPUs, load, and which search code ran."""
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    say(f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{os.cpu_count()} CPUs, load average {load}; search code sha256 {LOADED_CODE}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=100_000, help="open roles (default 100000)")
    parser.add_argument("--rebuild", action="store_true",
                        help="build the SQLite database again even if one of this size exists")
    parser.add_argument("--runs", type=int, default=200, help="timed runs per row (default 200)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed runs first (default 20)")
    parser.add_argument("--budget", type=float, default=60,
                        help="stop a row's timed runs after this many seconds (default 60)")
    pg = parser.add_mutually_exclusive_group()
    pg.add_argument("--postgres", action="store_true", default=None,
                    help="also run on PostgreSQL (default: when a server answers)")
    pg.add_argument("--no-postgres", dest="postgres", action="store_false")
    args = parser.parse_args(argv)

    describe_machine()
    if args.postgres and not _data.postgres_available():
        say(f"No PostgreSQL server answers at {_data.POSTGRES_ADMIN_URL}")
        return 2
    started = time.perf_counter()
    path = _data.sqlite_database(args.jobs, rebuild=args.rebuild)
    say(f"SQLite database ready in {time.perf_counter() - started:.1f} s")
    passed = {mode: run_backend("SQLite", f"sqlite:///{path}", args,
                                targets_apply=args.jobs == 100_000, mode=mode)
              for mode in CACHE_MODES}

    if args.postgres is None:
        args.postgres = _data.postgres_available()
    if args.postgres:
        say()
        with _data.postgres_database(args.jobs) as url:
            for mode in CACHE_MODES:
                run_backend("PostgreSQL", url, args, targets_apply=False, mode=mode)
    else:
        say("\nPostgreSQL skipped (no server answers, or --no-postgres)")
    say("\nSQLite targets: " + "; ".join(
        f"{mode} {'all PASS' if ok else 'some FAIL'}" for mode, ok in passed.items()))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    say(f"Load average at the end: {load}")
    if code_digest() != LOADED_CODE:
        say(f"Note: the search code changed on disk during the run (now {code_digest()}); "
            f"these figures are for {LOADED_CODE}, the code loaded at the start.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
