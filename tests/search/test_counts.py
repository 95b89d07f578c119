"""Totals and every facet count, checked against plain SQL counting (an independent
oracle that shares no code with the index), on whichever database the suite runs."""

import random
from datetime import timedelta

import pytest
import sqlalchemy as sa

from careerexpo.booths.models import Booth
from careerexpo.core.database import utcnow
from careerexpo.core.enums import FACETS, JobState
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.jobs.search import JobQuery, search_jobs

WORDS = ["robotics", "firmware", "data", "cloud", "lab", "sales"]


@pytest.fixture
def roles(make):
    """60 roles across companies and expos; some closed, draft or past their closing time."""
    rng = random.Random(15)
    companies = [make.company(name=f"Firm {i}") for i in range(5)]
    expos = [make.expo(companies=companies[:3]), make.expo(companies=companies[2:])]
    for i in range(60):
        values = {name: rng.choice(enum_cls.keys()) for name, enum_cls in FACETS.items()}
        low = rng.choice([None, 15_000, 25_000, 40_000])
        state = rng.choice([JobState.OPEN] * 8 + [JobState.CLOSED, JobState.DRAFT])
        closes = rng.choice([None, None, utcnow() + timedelta(days=3),
                             utcnow() - timedelta(days=1)])
        make.job(title=f"{rng.choice(WORDS).title()} role {i}",
                 description=" ".join(rng.sample(WORDS, 2)), company=rng.choice(companies),
                 state=state, closes_at=closes, open_to_overseas=rng.random() < 0.4,
                 salary_min=low, salary_max=low + 10_000 if low else None,
                 posted_ago=timedelta(days=rng.randint(0, 40), minutes=i), **values)
    return companies, expos


def _sql_conditions(query: JobQuery, leave_out=None):
    now = utcnow()
    cond = [Job.state == JobState.OPEN, sa.or_(Job.closes_at.is_(None), Job.closes_at > now)]
    for name, values in query.filters.items():
        if name != leave_out:
            cond.append(getattr(Job, name).in_(values))
    if query.open_to_overseas is not None and leave_out != "open_to_overseas":
        cond.append(Job.open_to_overseas.is_(query.open_to_overseas))
    if query.companies and leave_out != "company":
        cond.append(Job.company_id.in_([int(c) for c in query.companies]))
    if query.expos and leave_out != "expo":
        from careerexpo.expos.models import Expo
        cond.append(Job.company_id.in_(sa.select(Booth.company_id).join(Expo).where(
            Expo.slug.in_(query.expos))))
    if query.salary_min is not None:
        cond.append(sa.func.coalesce(Job.salary_max, Job.salary_min) >= query.salary_min)
    if query.posted_within:
        cond.append(Job.posted_at >= now - timedelta(days=query.posted_within))
    if query.q:
        # Each word as a whole word or the start of one, in title, description or company.
        from careerexpo.companies.models import Company
        for word in query.q.lower().split():
            text = sa.func.lower(Job.title + " " + Job.description + " " + Company.name)
            cond.append(sa.or_(text.like(f"{word}%"), text.like(f"% {word}%")))
    return cond


def _sql_count(query, leave_out=None, group=None):
    from careerexpo.companies.models import Company
    base = sa.select(sa.func.count()).select_from(Job).join(Company, Company.id == Job.company_id)
    if group is None:
        return db.session.scalar(base.where(*_sql_conditions(query, leave_out)))
    stmt = (sa.select(group, sa.func.count()).select_from(Job)
            .join(Company, Company.id == Job.company_id)
            .where(*_sql_conditions(query, leave_out)).group_by(group))
    return {(k.value if hasattr(k, "value") else k): n for k, n in db.session.execute(stmt)}


QUERIES = [
    JobQuery(),
    JobQuery(q="robotics"),
    JobQuery(q="data cloud"),
    JobQuery(filters={"level": ("entry",)}),
    JobQuery(q="lab", filters={"level": ("entry", "senior"), "region": ("hong_kong",)}),
    JobQuery(filters={"area": ("biotech", "fintech")}, open_to_overseas=True),
    JobQuery(q="role", salary_min=30_000, posted_within=30),
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: repr(q)[:90])
def test_total_and_every_facet_count_match_sql_counting(roles, query):
    result = search_jobs(query)
    assert result.total == _sql_count(query)
    for name, enum_cls in FACETS.items():
        counted = _sql_count(query, leave_out=name, group=getattr(Job, name))
        assert result.facets[name] == {k: counted.get(k, 0) for k in enum_cls.keys()}, name
    overseas = _sql_count(query, leave_out="open_to_overseas", group=Job.open_to_overseas)
    assert result.facets["open_to_overseas"] == {"true": overseas.get(True, 0),
                                                 "false": overseas.get(False, 0)}
    by_company = _sql_count(query, leave_out="company", group=Job.company_id)
    assert result.facets["company"] == {str(k): n for k, n in by_company.items()}


def test_company_and_expo_filters_count_like_sql(roles):
    companies, expos = roles
    query = JobQuery(companies=(str(companies[0].id), str(companies[3].id)),
                     expos=(expos[1].slug,), filters={"level": ("entry", "middle")})
    result = search_jobs(query)
    assert result.total == _sql_count(query)
    assert result.facets["level"] == {k: _sql_count(query, "level", Job.level).get(k, 0)
                                      for k in FACETS["level"].keys()}
    by_company = _sql_count(query, leave_out="company", group=Job.company_id)
    assert result.facets["company"] == {str(k): n for k, n in by_company.items()}
    # Each expo's count: the roles its companies hold, given every other filter.
    for expo in expos:
        alone = JobQuery(companies=query.companies, filters=query.filters, expos=(expo.slug,))
        assert result.facets["expo"].get(expo.slug, 0) == _sql_count(alone)


def test_every_page_of_every_sort_lists_the_whole_result_once(roles):
    for sort in ("relevance", "newest", "salary"):
        query = JobQuery(q="role", sort=sort, per_page=7)
        seen = []
        for page in range(1, 20):
            seen += [j.id for j in search_jobs(query.with_page(page)).items]
        assert len(seen) == len(set(seen)) == _sql_count(query), sort
