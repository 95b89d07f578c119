"""Search totals and facet counts against plain SQL counting, on a large database.

The suite checks this on a few dozen roles (tests/search/test_counts.py); this
script checks it on whatever database it is given (a million roles from
``flask seed-demo --jobs 1000000``, or bench/.data/jobs-N.sqlite3), with queries
chosen apart from the ones the code was tuned on. For each query it compares the
search service's total and every facet count (each facet leaving out its own
filter) with ``SELECT count(*) … GROUP BY`` over the roles table, where the text
condition is a regular expression on the lower-cased title, company name and
description (SQLite: a REGEXP function registered on the connection; PostgreSQL:
``~``), written from what a word means to a reader:

- a word of letters and digits, three or more long: a word starting with it
  (``rust`` finds ``Rust`` and ``rustacean``, not ``trust``);
- a word with symbols (``c#``, ``node.js``): that word exactly;
- Chinese: the characters in a row, in either script (both spellings are listed).

Run:  .venv/bin/python bench/search_oracle.py --database URL --index DIR
"""

import argparse
import re
import sys
import time

import sqlalchemy as sa
from sqlalchemy import event

from careerexpo import create_app
from careerexpo.companies.models import Company
from careerexpo.core.database import utcnow
from careerexpo.core.enums import FACETS, JobState
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.jobs.search import JobQuery, search_jobs
from careerexpo.search.engine import search_engine

_BEFORE = r"(^|[^a-z0-9.]|[a-z0-9]\.)"  # where a word starts (also a dotted word's part)
_AFTER = r"($|[^a-z0-9+#.]|\.([^a-z0-9]|$))"  # where an exact word ends


def starts(word: str):
    """A word starting with ``word``: (substrings one of which it holds, the expression)."""
    return [word], _BEFORE + re.escape(word)


def exactly(word: str):
    return [word], _BEFORE + re.escape(word) + _AFTER


def chinese(*spellings: str):
    return list(spellings), "(" + "|".join(spellings) + ")"


# (query as typed, what each of its parts must match, filters)
QUERIES = [
    ("rust embedded", [starts("rust"), starts("embedded")], {}),
    ("rust embedded", [starts("rust"), starts("embedded")],
     {"level": ("entry", "middle"), "region": ("hong_kong",)}),
    ("trust", [starts("trust")], {}),
    ("machine learn", [starts("machine"), starts("learn")], {"level": ("entry",)}),
    ("機器學習", [chinese("機器學習", "机器学习")], {}),
    ("机器学习", [chinese("機器學習", "机器学习")], {"function": ("research_development",)}),
    ("数据分析 entry", [chinese("數據分析", "数据分析"), starts("entry")], {}),
    ("數據分析", [chinese("數據分析", "数据分析")], {"degree": ("master", "doctorate")}),
    ("node.js", [exactly("node.js")], {}),
    ("C#", [(["c#"], r"(^|[^a-z0-9.])c#($|[^+#])")], {}),
    ("perception", [starts("perception")], {"area": ("ai_data_analytics", "smart_city")}),
    ("", [], {"employment_type": ("internship",), "region": ("gba", "overseas")}),
]


def _sqlite_regexp(dbapi_connection, _record):
    if hasattr(dbapi_connection, "create_function"):
        dbapi_connection.create_function(
            "regexp", 2, lambda pattern, text: re.search(pattern, text or "") is not None,
            deterministic=True)


def _matches(dialect: str, column, pattern: str):
    lowered = sa.func.lower(column)
    return (lowered.op("REGEXP")(pattern) if dialect == "sqlite"
            else lowered.op("~")(pattern))


_HITS = sa.Table("oracle_hits", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True),
                 prefixes=["TEMPORARY"])


def _match_text(dialect, patterns) -> None:
    """The roles whose text matches every part, once per query, in a temporary table."""
    connection = db.session.connection()
    _HITS.drop(connection, checkfirst=True)
    _HITS.create(connection)
    cond = []
    for needles, pattern in patterns:
        # LIKE first: cheap, and it leaves the expression only the roles that may match.
        cond.append(sa.or_(*(sa.and_(sa.or_(*(sa.func.lower(c).like(f"%{n}%") for n in needles)),
                                     _matches(dialect, c, pattern))
                             for c in (Job.title, Job.description, Company.name))))
    connection.execute(_HITS.insert().from_select(["id"], sa.select(Job.id).join(
        Company, Company.id == Job.company_id).where(Job.state == JobState.OPEN, *cond)))


def _conditions(patterns, filters, leave_out=None):
    now = utcnow()
    cond = [Job.state == JobState.OPEN, sa.or_(Job.closes_at.is_(None), Job.closes_at > now)]
    for name, values in filters.items():
        if name != leave_out:
            cond.append(getattr(Job, name).in_(values))
    if patterns:
        cond.append(Job.id.in_(sa.select(_HITS.c.id)))
    return cond


def _sql(patterns, filters, leave_out=None, group=None):
    base = sa.select(*([group] if group is not None else []), sa.func.count()).select_from(
        Job).where(*_conditions(patterns, filters, leave_out))
    if group is None:
        return db.session.scalar(base)
    return {(k.value if hasattr(k, "value") else k): n
            for k, n in db.session.execute(base.group_by(group))}


def check(q: str, patterns, filters, dialect: str) -> tuple[bool, str]:
    started = time.perf_counter()
    result = search_jobs(JobQuery(q=q, filters=filters))
    search_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    if patterns:
        _match_text(dialect, patterns)
    wrong = []
    total = _sql(patterns, filters)
    if result.total != total:
        wrong.append(f"total {result.total} != SQL {total}")
    for name, enum_cls in FACETS.items():
        counted = _sql(patterns, filters, leave_out=name, group=getattr(Job, name))
        expected = {k: counted.get(k, 0) for k in enum_cls.keys()}
        if result.facets[name] != expected:
            wrong.append(f"{name} {result.facets[name]} != SQL {expected}")
    overseas = _sql(patterns, filters, group=Job.open_to_overseas)
    expected = {"true": overseas.get(True, 0), "false": overseas.get(False, 0)}
    if result.facets["open_to_overseas"] != expected:
        wrong.append(f"open_to_overseas {result.facets['open_to_overseas']} != SQL {expected}")
    by_company = _sql(patterns, filters, group=Job.company_id)
    top = dict(sorted(by_company.items(), key=lambda kv: -kv[1])[:len(result.facets["company"])])
    shown = {int(k): n for k, n in result.facets["company"].items()}
    # The page shows the largest companies; their counts must be SQL's (ties may differ).
    if any(by_company.get(k) != n for k, n in shown.items()) or (
            sorted(shown.values()) != sorted(top.values())):
        wrong.append("company counts differ from SQL")
    sql_s = time.perf_counter() - started
    label = q or "(no words)"
    if filters:
        label += " " + " ".join(f"{k}={'|'.join(v)}" for k, v in filters.items())
    line = (f"{label:<55} total {result.total:>8,}  search {search_ms:6.1f} ms  "
            f"SQL {sql_s:5.1f} s  {'equal' if not wrong else 'DIFFERENT: ' + '; '.join(wrong)}")
    return not wrong, line


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="SQLAlchemy URL")
    parser.add_argument("--index", required=True, help="the search index directory")
    args = parser.parse_args(argv)
    app = create_app("development", SQLALCHEMY_DATABASE_URI=args.database,
                     SEARCH_INDEX_DIR=args.index, CACHE_TYPE="NullCache")
    ok = True
    with app.app_context():
        dialect = db.engine.dialect.name
        if dialect == "sqlite":
            event.listen(db.engine, "connect", _sqlite_regexp)
            db.engine.dispose()
        search_engine().catch_up(wait=True)
        listed = search_engine().searcher().num_docs
        print(f"{listed:,} roles in the index; {dialect}")
        for q, patterns, filters in QUERIES:
            good, line = check(q, patterns, filters, dialect)
            ok &= good
            print(line, flush=True)
        db.session.rollback()
    print("all equal" if ok else "SOME DIFFERENT")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
