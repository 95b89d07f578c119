"""The benchmark database: open roles from a few thousand companies, built once per size.

``sqlite_database(jobs)`` returns the path of ``bench/.data/jobs-<N>.sqlite3``,
building it first when it is missing, out of date or ``rebuild`` is asked for.
``postgres_database()`` makes a scratch PostgreSQL database and drops it after.
Either way the schema comes from the migrations (``flask_migrate.upgrade()``),
the rows from Core ``executemany`` in batches, and the full-text index from
``search_index.rebuild``.
"""

import bisect
import itertools
import json
import os
import random
import time
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import _vocab as v
import sqlalchemy as sa
from flask_migrate import upgrade

from careerexpo import create_app
from careerexpo.companies.models import Company, CompanyOffice
from careerexpo.core.database import refresh_statistics
from careerexpo.expos.models import Booth, Expo
from careerexpo.extensions import db
from careerexpo.jobs import search_index
from careerexpo.jobs.models import Job
from careerexpo.jobs.search import listed_condition

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "bench" / ".data"
# Bump when the generator changes, so stale databases are built again.
DATA_VERSION = 2
SEED = 20_261_122
BATCH = 5_000
POSTGRES_ADMIN_URL = os.environ.get(
    "BENCH_POSTGRES_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
# Postings written in Chinese, besides those of Chinese-named companies.
CJK_SHARE = 0.02


def say(message: str = "", end: str = "\n") -> None:
    print(message, end=end, flush=True)


def progress_bar(label: str):
    def show(done: int, total: int) -> None:
        say(f"\r  {label}: {done:,}/{total:,}", end="\n" if done >= total else "")

    return show


def company_count(jobs: int) -> int:
    return max(20, round(jobs * 0.03))


def _picker(rng: random.Random, weights: dict):
    keys = list(weights)
    cum, total = [], 0
    for key in keys:
        total += weights[key]
        cum.append(total)
    return lambda: rng.choices(keys, cum_weights=cum)[0]


def _zipf_picker(rng: random.Random, words: list[str], s: float = 1.07):
    return _picker(rng, {w: 1 / (i + 1) ** s for i, w in enumerate(words)})


class Generator:
    """Deterministic rows for a given seed: companies, their offices, an expo, jobs."""

    def __init__(self, jobs: int, now: datetime, seed: int = SEED):
        self.jobs = jobs
        self.now = now
        self.rng = rng = random.Random(seed)
        self.pick = {name: _picker(rng, mix) for name, mix in (
            ("level", v.LEVEL), ("degree", v.DEGREE), ("region", v.REGION),
            ("area", v.AREA), ("function", v.FUNCTION),
            ("employment_type", v.EMPLOYMENT_TYPE), ("programme", v.PROGRAMME))}
        self.roles = {f: _picker(rng, mix) for f, mix in v.ROLES.items()}
        self.seniority = {lv: _picker(rng, mix) for lv, mix in v.SENIORITY.items()}
        self.skills = {a: _zipf_picker(rng, words) for a, words in v.SKILLS.items()}
        self.general_skill = _zipf_picker(rng, v.GENERAL_SKILLS)
        self.companies: list[dict] = []

    def company_rows(self) -> tuple[list[dict], list[dict]]:
        rng, names, offices = self.rng, set(), []
        for cid in range(1, company_count(self.jobs) + 1):
            chinese = rng.random() < 0.02
            while True:
                if chinese:
                    name = rng.choice(v.ZH_COMPANY_HEADS) + rng.choice(v.ZH_COMPANY_HEADS) \
                        + rng.choice(v.ZH_COMPANY_TAILS)
                else:
                    name = (f"{rng.choice(v.NAME_HEADS)} {rng.choice(v.NAME_TAILS)} "
                            f"{rng.choice(v.NAME_SUFFIXES)}")
                if name in names:
                    name = f"{name} {cid}"
                if name not in names:
                    break
            names.add(name)
            area = self.pick["area"]()
            self.companies.append({"id": cid, "name": name, "area": area, "chinese": chinese})
            regions = {"hong_kong"} if rng.random() < 0.92 else set()
            if rng.random() < 0.40:
                regions.add("gba")
            if rng.random() < 0.18 or not regions:
                regions.add("overseas")
            offices += [{"company_id": cid, "region": r} for r in sorted(regions)]
        rows = [{"id": c["id"], "name": c["name"], "website": f"https://example.com/c/{c['id']}",
                 "description": f"{c['name']} works in {c['area'].replace('_', ' ')}.",
                 "programme": self.pick["programme"](),
                 "created_at": self.now - timedelta(days=400)} for c in self.companies]
        # A few companies post most of the roles, as at a real expo.
        weights = [1 / (i + 1) ** 0.8 for i in range(len(self.companies))]
        rng.shuffle(weights)
        cum = list(itertools.accumulate(weights))
        self._company = lambda: self.companies[bisect.bisect(cum, rng.random() * cum[-1])]
        return rows, offices

    def _title(self, job: dict, area: str) -> str:
        rng = self.rng
        spec = rng.choice(v.SPECIALTY[area])
        if job["employment_type"] == "internship":
            return f"{spec} Intern" if rng.random() < 0.6 else f"Summer Intern, {spec}"
        if job["employment_type"] == "graduate_programme":
            return f"Graduate Trainee, {spec}" if rng.random() < 0.7 else "Management Trainee"
        if job["level"] == "executive":
            return rng.choice([f"Head of {spec}", f"Director of {spec}", f"{spec} Director",
                               f"VP, {spec} Engineering", "Chief Technology Officer"])
        role = self.roles[job["function"]]()
        prefix = self.seniority[job["level"]]()
        if prefix in ("Head of ", "Director, ", "Chief ", "VP, "):
            prefix = ""
        with_spec = job["function"] in ("technology", "research_development") or rng.random() < 0.3
        return f"{prefix}{spec + ' ' if with_spec else ''}{role}"

    def _skill(self, area: str) -> str:
        return self.skills[area]() if self.rng.random() < 0.8 else self.general_skill()

    def _fill(self, template: str, job: dict, area: str, title: str) -> str:
        rng = self.rng
        out = template
        while "{skill}" in out:
            out = out.replace("{skill}", self._skill(area), 1)
        while "{verb}" in out:
            out = out.replace("{verb}", rng.choice(v.VERBS), 1)
        while "{object}" in out:
            out = out.replace("{object}", rng.choice(v.OBJECTS), 1)
        return out.format(
            title=title, area=area.replace("_", " "), city=rng.choice(v.CITIES[job["region"]]),
            product=rng.choice(v.PRODUCTS), Verb=rng.choice(v.VERBS).capitalize(),
            years=rng.randint(1, 10), degree=v.DEGREE_WORDS[job["degree"]],
            field=rng.choice(v.FIELDS))

    def _english(self, job: dict, area: str) -> tuple[str, str]:
        rng = self.rng
        title = self._title(job, area)
        lines = [self._fill(rng.choice(v.INTROS), job, area, title)]
        lines += [self._fill(t, job, area, title) for t in rng.sample(v.DUTIES, rng.randint(2, 4))]
        lines += [self._fill(t, job, area, title)
                  for t in rng.sample(v.REQUIREMENTS, rng.randint(2, 4))]
        if job["level"] == "entry" and rng.random() < 0.6:
            lines.append(rng.choice(v.ENTRY_LINES))
        lines.append("We offer " + ", ".join(rng.sample(v.BENEFITS, 3)) + ".")
        if rng.random() < 0.03:
            lines.append(v.ZH_FOOTER)
        return title, " ".join(lines)

    def _chinese(self, job: dict, area: str) -> tuple[str, str]:
        rng = self.rng
        title = rng.choice(v.ZH_TITLES)
        lines = [line.format(title=title, city=v.ZH_CITIES[job["region"]],
                             area=v.ZH_AREAS[area], years=rng.randint(1, 8),
                             skill=self._skill(area))
                 for line in rng.sample(v.ZH_LINES, rng.randint(4, 7))]
        return title, "".join(lines)

    def job_batches(self, batch: int = BATCH):
        rng, rows = self.rng, []
        for jid in range(1, self.jobs + 1):
            company = self._company()
            job = {name: self.pick[name]() for name in
                   ("level", "degree", "region", "function", "employment_type")}
            area = company["area"] if rng.random() < 0.75 else self.pick["area"]()
            chinese = rng.random() < (0.5 if company["chinese"] else CJK_SHARE)
            title, description = (self._chinese if chinese else self._english)(job, area)
            low, high = v.SALARY[job["level"]]
            salary_min = rng.randrange(low, high, 1_000) if rng.random() < 0.8 else None
            salary_max = (salary_min + rng.randrange(0, 20_000, 1_000)
                          if salary_min is not None and rng.random() < 0.9 else None)
            posted = self.now - timedelta(seconds=rng.randrange(0, 180 * 86_400))
            rows.append({
                "id": jid, "company_id": company["id"], "title": title,
                "description": description, "area": area, **job,
                "open_to_overseas": rng.random() < 0.42,
                "salary_min": salary_min, "salary_max": salary_max, "state": "open",
                "posted_at": posted, "created_at": posted, "updated_at": posted,
                # Far enough ahead that a reused database stays fully listed for a year.
                "closes_at": (self.now + timedelta(days=rng.randint(365, 730))
                              if rng.random() < 0.35 else None),
            })
            if len(rows) == batch:
                yield rows
                rows = []
        if rows:
            yield rows


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
        timings["insert"] = time.perf_counter() - start
        start = time.perf_counter()
        with db.engine.begin() as conn:
            search_index.rebuild(conn, progress=progress_bar("jobs indexed"))
        timings["index"] = time.perf_counter() - start
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
