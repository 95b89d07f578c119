"""How fast recommendations are: one candidate over N open roles, and a nightly-style batch.

Uses the benchmark database of ``bench/_data.py`` (N open roles, default 100,000, from
N x 3% companies, an eighth of them in Chinese) and builds its search index with the
app's own code. Candidates are made up from the same vocabulary the roles are written
in (skills by area, titles, levels, regions, some headlines in Chinese); they live in
memory, so the shared database is not written to.

  baseline         the search a candidate would otherwise type: GET /jobs's search for
                   one of their skills, by relevance, 50 a page, no facets
  one candidate    ``recommend``: the index query, the per-company cap, scoring the
                   best 60 with reasons (each role read once, for scoring and showing),
                   and their booths
  batch            ``rank`` for every candidate in turn, as a nightly job would, reusing
                   the roles read for earlier candidates

Targets: one candidate p95 under 50 ms at 100,000 roles; 10,000 candidates in minutes.

Run:  flock /tmp/bench.lock .venv/bin/python bench/recommendations.py [--jobs N]
          [--candidates N] [--runs N]
"""

import argparse
import logging
import platform
import random
import shutil
import statistics
import time

import _data
import _vocab as v
from _data import say
from _report import percentile, table, verdict

from careerexpo import create_app
from careerexpo.extensions import db
from careerexpo.jobs.search import JobQuery, search_jobs
from careerexpo.matchmaking.matching import Wants, skill_terms, text_terms
from careerexpo.matchmaking.recommendations import rank, recommend
from careerexpo.search.engine import search_engine

ZH_HEADLINES = ["資深數據分析師", "软件工程师", "機器學習工程師", "硬件工程师", "金融科技產品經理",
                "研究助理", "数据科学家"]


def make_wants(rng: random.Random, n: int) -> list[Wants]:
    """``n`` candidates, each wanting one area's skills, a level, a region or two."""
    areas = list(v.SKILLS)
    out = []
    for i in range(n):
        area = rng.choice(areas)
        skills = ", ".join(rng.sample(v.SKILLS[area], k=min(len(v.SKILLS[area]),
                                                            rng.randint(2, 6))))
        function = rng.choice(list(v.ROLES))
        title = rng.choice(list(v.ROLES[function]))
        headline = (rng.choice(ZH_HEADLINES) if rng.random() < 0.15
                    else f"{rng.choice(v.SPECIALTY[area])} {title}")
        out.append(Wants(
            i + 1, skills=skill_terms(skills), headline=text_terms(headline),
            levels=frozenset(rng.sample(list(v.LEVEL), k=rng.randint(0, 2))),
            degree=rng.choice([None, "bachelor", "master", "doctorate"]),
            regions=frozenset(rng.sample(["hong_kong", "gba", "remote"], k=rng.randint(0, 2))),
            areas=frozenset([area] if rng.random() < 0.7 else []),
            functions=frozenset([function] if rng.random() < 0.5 else [])))
    return out


def first_skill(wants: Wants) -> str:
    return wants.skills[0].shown if wants.skills else "engineer"


def timed(fn, items) -> list[float]:
    samples = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=100_000)
    parser.add_argument("--candidates", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    say(f"Python {platform.python_version()} on {platform.machine()}, "
        f"{__import__('os').cpu_count()} cores (shared with other work while measured)")

    path = _data.sqlite_database(args.jobs)
    index_dir = _data.DATA_DIR / f"search-index-recommendations-{args.jobs}"
    shutil.rmtree(index_dir, ignore_errors=True)
    app = create_app("development", SQLALCHEMY_DATABASE_URI=f"sqlite:///{path}",
                     CACHE_TYPE="NullCache", SEARCH_INDEX_DIR=str(index_dir),
                     SEARCH_POLL_SECONDS=0)
    rng = random.Random(16)
    people = make_wants(rng, args.candidates)
    with app.test_request_context():
        start = time.perf_counter()
        indexed = search_engine().rebuild()
        say(f"Index of {indexed:,} roles built in {time.perf_counter() - start:.1f} s")
        sample = [rng.choice(people) for _ in range(args.runs)]
        # Warm up both paths (index files, SQLite pages, first-use imports).
        for wants in sample[:20]:
            recommend(wants)
            search_jobs(JobQuery(q=first_skill(wants), sort="relevance", per_page=50),
                        with_facets=False)
        baseline = timed(lambda w: search_jobs(JobQuery(q=first_skill(w), sort="relevance",
                                                        per_page=50), with_facets=False),
                         sample)
        one = timed(recommend, sample)
        shown = [len(recommend(w)) for w in sample[:50]]
        db.session.remove()

        index = search_engine().index()
        searcher, schema = index.searcher(), index.schema
        cache: dict = {}
        say(f"Batch of {len(people):,} candidates... ", end="")
        start = time.perf_counter()
        total = 0
        for wants in people:
            total += len(rank(wants, searcher=searcher, schema=schema, cache=cache))
        batch_s = time.perf_counter() - start
        say("done")
        db.session.remove()
        db.engine.dispose()

    rows = [[name, f"{statistics.median(s):.1f}", f"{percentile(s, 95):.1f}",
             f"{max(s):.1f}", str(len(s))]
            for name, s in (("baseline: search one skill", baseline),
                            ("one candidate's recommendations", one))]
    say(f"\nOver {indexed:,} open roles (SQLite), ms:")
    say(table(["", "p50", "p95", "max", "runs"], rows, left=(0,)))
    one_ok = percentile(one, 95) < 50
    say(f"  one candidate p95 {percentile(one, 95):.1f} ms (target < 50 ms) {verdict(one_ok)}; "
        f"{statistics.mean(shown):.1f} roles shown on average")
    batch_ok = batch_s < 15 * 60
    say(f"  batch: {len(people):,} candidates in {batch_s:.1f} s "
        f"({batch_s / len(people) * 1000:.1f} ms each, {total / len(people):.1f} roles each; "
        f"target: minutes, < 15 min) {verdict(batch_ok)}")
    return 0 if one_ok and batch_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
