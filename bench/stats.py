"""How fast an expo's headline figures are counted: the service, the API and the dashboard.

Builds (or reuses) bench/.data/stats-<jobs>-<companies>-<visits>-v<N>.sqlite3: one
expo with 100,000 open roles (plus 5% drafts and closed roles, which must not
count) from 5,000 companies, every one with a booth and offices in one to three
regions. The schema comes from the migrations (``flask_migrate.upgrade()`` on
``create_app("development", SQLALCHEMY_DATABASE_URI=...)``), the rows from
SQLAlchemy Core ``executemany`` in batches, then ANALYZE.

It also holds 1,000,000 booth visits (``booth_visits``, spread over the expo's
days), which the organisers' live activity (visits per booth, funnels) counts.

Timed, on SQLite:

  cold   the first call after the app starts, each in a fresh Python process (new
         engine, connection and compiled-statement caches; the OS file cache stays
         warm, and so do the compiled templates an earlier process left in
         ``TEMPLATE_CACHE_DIR``, as after a restart), ``--cold`` times per target;
  cold!  the same with an empty ``TEMPLATE_CACHE_DIR``: every template compiled, as on
         the first start of a new deployment;
  warm   ``--runs`` calls in one process after a warm-up (wall clock, and CPU time,
         which the machine's other work does not inflate); each service call starts
         with an empty session and ends with ``db.session.remove()``, as a request does

of ``stats.services.expo_stats`` (with the expo lookup), the live activity
(``activity.services.overview`` as its JSON), ``GET
/api/v1/expos/<slug>/stats``, the dashboard ``GET /expos/<slug>/stats`` (also
filtered) and ``GET /api/v1/expos`` through the app's test client. Nothing is
cached between requests. Target: under 200 ms cold.

Run:  .venv/bin/python bench/stats.py [--rebuild] [--runs 50] [--cold 7] [--explain]
"""

import argparse
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from flask_migrate import upgrade

from careerexpo import create_app
from careerexpo.activity import services as activity
from careerexpo.activity.routes import overview_json
from careerexpo.booths.models import Booth, BoothVisit
from careerexpo.companies.models import Company, CompanyOffice
from careerexpo.core.database import refresh_statistics
from careerexpo.core.enums import Area, Degree, EmploymentType, Function, Level, Region
from careerexpo.expos.models import Expo
from careerexpo.expos.services import find_expo as get_expo
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.stats.services import expo_stats

DATA = Path(__file__).resolve().parent / ".data"
DATA_VERSION = 2  # bump when the generator changes, so old databases are rebuilt
SLUG, SEED, BATCH, TARGET_MS = "bench-expo-2026", 2026, 20_000, 200.0
STARTS = date(2026, 3, 10)
TARGETS = {"service": None, "activity": None, "api": f"/api/v1/expos/{SLUG}/stats",
           "dashboard": f"/expos/{SLUG}/stats",
           "dashboard filtered": f"/expos/{SLUG}/stats?area=biotech&programme=innohk",
           "api expo list": "/api/v1/expos"}


def app_on(path: Path, template_cache: str | None = None):
    return create_app("development", SQLALCHEMY_DATABASE_URI=f"sqlite:///{path}",
                      TEMPLATE_CACHE_DIR=template_cache)


def _pick(rng: random.Random, keys: list, weights: list, n: int) -> list:
    return rng.choices(keys, weights=weights, k=n)


def _insert(table, rows) -> None:
    for start in range(0, len(rows), BATCH):
        with db.engine.begin() as conn:
            conn.execute(table.insert(), rows[start:start + BATCH])


def fill(jobs: int, companies: int, visits: int) -> None:
    """Writes the expo, its companies, offices, booths, roles and visits with Core."""
    rng, now = random.Random(SEED), datetime.now(UTC)
    _insert(Expo.__table__, [{"id": 1, "slug": SLUG, "name": "Bench I&T Career Expo 2026",
                              "starts_on": STARTS, "ends_on": STARTS + timedelta(days=6),
                              "description": "", "created_at": now}])
    programmes = _pick(rng, ["innohk", "innopark", None], [2, 1, 17], companies)
    _insert(Company.__table__, [
        {"id": i + 1, "name": f"Bench Company {i + 1:05d}", "website": "", "description": "",
         "programme": programmes[i], "created_at": now} for i in range(companies)])
    offices = [{"company_id": i + 1, "region": r} for i in range(companies)
               for r in rng.sample(["hong_kong", "gba", "overseas"], rng.choice([1, 1, 2, 3]))]
    _insert(CompanyOffice.__table__, offices)
    _insert(Booth.__table__, [{"id": i + 1, "expo_id": 1, "company_id": i + 1,
                               "created_at": now} for i in range(companies)])
    total = jobs + jobs // 20
    columns = {"level": (Level, [60, 28, 10, 2]), "degree": (Degree, [3, 6, 62, 17, 12]),
               "region": (Region, [70, 15, 10, 5]), "area": (Area, list(range(24, 0, -2))),
               "function": (Function, [50, 30, 10, 7, 3]),
               "employment_type": (EmploymentType, [80, 3, 8, 5, 4])}
    picked = {name: _pick(rng, enum_cls.keys(), w, total)
              for name, (enum_cls, w) in columns.items()}
    owners = [rng.randint(1, companies) for _ in range(total)]
    rows = [{"company_id": owners[i], "title": f"Role {i}", "description": "A bench role.",
             **{name: values[i] for name, values in picked.items()},
             "open_to_overseas": rng.random() < 0.7,
             "state": "open" if i < jobs else rng.choice(["draft", "closed"]),
             "posted_at": now, "created_at": now, "updated_at": now} for i in range(total)]
    _insert(Job.__table__, rows)
    _insert(BoothVisit.__table__, [
        {"booth_id": rng.randint(1, companies), "visitor": f"s{i}",
         "day": STARTS + timedelta(days=i % 7), "visited_at": now} for i in range(visits)])


def database(jobs: int, companies: int, visits: int, rebuild: bool) -> Path:
    """The benchmark database's path, built first when missing or asked for."""
    path = DATA / f"stats-{jobs}-{companies}-{visits}-v{DATA_VERSION}.sqlite3"
    if path.exists() and not rebuild:
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    print(f"building {path.name}: {jobs:,} roles, {companies:,} companies, "
          f"{visits:,} booth visits ...", flush=True)
    started = time.perf_counter()
    app = app_on(path)
    with app.app_context():
        upgrade()
        fill(jobs, companies, visits)
        refresh_statistics()
        db.engine.dispose()
    print(f"built in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def call(target: str, client) -> None:
    """One request's worth of work for ``target``; fails loudly on a wrong answer."""
    if target == "service":
        stats = expo_stats(get_expo(SLUG))
        db.session.remove()
        assert stats.jobs > 0
        return
    if target == "activity":
        # What the organisers' live activity page and its JSON count, over the 1,000,000
        # visits; their route only adds a sign-in check and the template or JSON.
        data = overview_json(activity.overview(get_expo(SLUG)))
        db.session.remove()
        assert data["booth_visits"] > 0
        return
    response = client.get(TARGETS[target])
    assert response.status_code == 200, (target, response.status_code)


def time_first_call(path: Path, target: str, template_cache: str) -> float:
    """Milliseconds of the first call in a freshly made app (run in a child process)."""
    app = app_on(path, template_cache)
    with app.app_context():
        client = app.test_client()
        started = time.perf_counter()
        call(target, client)
        return (time.perf_counter() - started) * 1000


def cold_samples(path: Path, target: str, times: int) -> tuple[list[float], list[float]]:
    """First calls of fresh processes: after a restart, with the compiled templates the
    previous process left on disk, and on a first deployment, compiling every template."""
    restarted, compiling = [], []
    kept = DATA / "template-cache"
    shutil.rmtree(kept, ignore_errors=True)
    for _ in range(times):
        for samples, cache in ((restarted, kept), (compiling, None)):
            with tempfile.TemporaryDirectory() as empty:
                out = subprocess.run(
                    [sys.executable, __file__, "--first-call", target, str(path),
                     str(cache or empty)], check=True, capture_output=True, text=True).stdout
            samples.append(float(out.split()[-1]))
    return restarted, compiling


def warm_samples(path: Path, target: str, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per call; CPU time shows the work whatever the load."""
    app = app_on(path)
    with app.app_context():
        client = app.test_client()
        for _ in range(5):
            call(target, client)
        wall, cpu = [], []
        for _ in range(runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            call(target, client)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        db.engine.dispose()
    return wall, cpu


def p95(samples: list[float]) -> float:
    """The 95th percentile, interpolated between ranks."""
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def explain(path: Path) -> None:
    """SQLite's plan for each statement the stats service runs."""
    app = app_on(path)
    with app.app_context():
        statements = []
        sa.event.listen(db.engine, "before_cursor_execute",
                        lambda _c, _cur, stmt, params, _ctx, _many:
                        statements.append((stmt, params)))
        expo_stats(get_expo(SLUG))
        raw = db.engine.raw_connection()
        for stmt, params in statements:
            print("\n" + " ".join(stmt.split())[:160] + " ...")
            for row in raw.cursor().execute("EXPLAIN QUERY PLAN " + stmt, params):
                print("   ", row[-1])
        raw.close()
        db.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=100_000)
    parser.add_argument("--companies", type=int, default=5_000)
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--cold", type=int, default=7)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--first-call", nargs=3, metavar=("TARGET", "DB", "TEMPLATE_CACHE"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.first_call:
        target, db_path, template_cache = args.first_call
        print(f"{time_first_call(Path(db_path), target, template_cache):.3f}")
        return
    path = database(args.jobs, args.companies, args.visits, args.rebuild)
    if args.explain:
        explain(path)
    print(f"\nPython {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}; {path.name} "
          f"{path.stat().st_size / 2**20:.0f} MB")
    heads = ["cold p50", "cold p95", "cold! p50", "cold! p95", "warm p50", "warm p95",
             "warm cpu"]
    print(f"{'target':<19}" + "".join(f"{h:>10}" for h in heads) + f"  cold<{TARGET_MS:.0f}ms")
    for target in TARGETS:
        cold, compiling = cold_samples(path, target, args.cold)
        wall, cpu = warm_samples(path, target, args.runs)
        figures = [statistics.median(cold), p95(cold), statistics.median(compiling),
                   p95(compiling), statistics.median(wall), p95(wall),
                   statistics.median(cpu)]
        verdict = "PASS" if p95(cold) < TARGET_MS else "FAIL"
        print(f"{target:<19}" + "".join(f"{f:>10.1f}" for f in figures) + f"  {verdict}",
              flush=True)
    print(f"ms. cold: first request of a fresh process ({args.cold} per target) that finds the "
          "templates compiled by an earlier one (TEMPLATE_CACHE_DIR), as after a restart; "
          "cold!: the same, compiling every template, as on a first deployment; "
          f"warm: {args.runs} runs in one process (wall p50/p95, CPU p50).")
    print(f"load average after: {os.getloadavg()[0]:.2f}")

if __name__ == "__main__":
    main()
