"""A candidate's recommended roles, best first, each with the reasons it is there.

1. The search index ranks every listed role against what the candidate wants
   (``retrieval``), leaving out roles they applied to or dismissed.
2. No company fills more than ``PER_COMPANY`` places, so one popular booth cannot
   push the small ones out of sight.
3. The best ``POOL`` are scored with reasons (``matching.fit``); the score mixes that
   (what share of their wishes the role meets) with the index's text relevance.
"""

from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa

from careerexpo.applications.models import Application
from careerexpo.booths.models import Booth
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.jobs.search import listed_condition
from careerexpo.matchmaking import retrieval
from careerexpo.matchmaking.matching import Reason, RoleText, Wants, fit, role_text
from careerexpo.matchmaking.models import Dismissal
from careerexpo.matchmaking.wants import wants_of
from careerexpo.search.engine import search_engine

MAX_ITEMS = 50
PER_COMPANY = 3
POOL = 60
# Read this many from the index: enough to fill the pool after the per-company cap.
FETCH = 300
TEXT_RELEVANCE_SHARE = 0.15


@dataclass
class Ranked:
    job_id: int
    company_id: int
    score: float
    reasons: list[Reason]


@dataclass
class BoothLink:
    booth_id: int
    expo_slug: str


@dataclass
class Recommendation:
    job: Job
    score: float
    reasons: list[Reason]
    booth: BoothLink | None


def excluded_job_ids(candidate_id: int) -> set[int]:
    """Roles never recommended to this candidate: applied to, or dismissed."""
    applied = sa.select(Application.job_id).where(Application.candidate_id == candidate_id)
    dismissed = sa.select(Dismissal.job_id).where(Dismissal.candidate_id == candidate_id)
    return set(db.session.scalars(sa.union(applied, dismissed)))


def load_roles(job_ids, cache: dict[int, RoleText] | None = None,
               jobs: dict[int, Job] | None = None) -> dict[int, RoleText]:
    """The listed roles among ``job_ids``, read for comparing; ``cache`` keeps them for the
    next candidate of a batch; ``jobs``, when given, receives the ``Job`` rows to show, so
    they are read once."""
    cache = {} if cache is None else cache
    missing = [i for i in job_ids if i not in cache]
    if missing and jobs is not None:
        for job in db.session.scalars(sa.select(Job).where(Job.id.in_(missing),
                                                           listed_condition())):
            jobs[job.id] = job
            cache[job.id] = role_text(job)
    elif missing:
        rows = db.session.execute(
            sa.select(Job.id, Job.title, Job.description, Job.level, Job.degree, Job.region,
                      Job.area, Job.function).where(Job.id.in_(missing), listed_condition()))
        for row in rows:
            cache[row.id] = role_text(row)
    return {i: cache[i] for i in job_ids if i in cache}


def capped(hits, per_company: int = PER_COMPANY, size: int = POOL):
    """The best hits, no company more than ``per_company`` times."""
    seen, out = Counter(), []
    for hit in hits:
        if seen[hit.company_id] < per_company:
            seen[hit.company_id] += 1
            out.append(hit)
            if len(out) == size:
                break
    return out


def rank(wants: Wants, *, searcher, schema, expo_id: int | None = None, excluded=(),
         limit: int = MAX_ITEMS, cache: dict | None = None,
         jobs: dict | None = None) -> list[Ranked]:
    """The candidate's best roles with their reasons; only roles with at least one reason."""
    pool = capped(retrieval.search(searcher, schema, wants, limit=FETCH, fill_to=POOL,
                                   expo_id=expo_id, excluded=excluded))
    if not pool:
        return []
    roles = load_roles([h.job_id for h in pool], cache, jobs)
    best = max(h.score for h in pool) or 1.0
    ranked = []
    for hit in pool:
        role = roles.get(hit.job_id)
        if role is None:
            continue  # closed since the index heard of it
        found = fit(wants, role)
        if found.reasons:
            score = ((1 - TEXT_RELEVANCE_SHARE) * found.score
                     + TEXT_RELEVANCE_SHARE * hit.score / best)
            ranked.append(Ranked(hit.job_id, hit.company_id, round(score, 4), found.reasons))
    ranked.sort(key=lambda r: (-r.score, -r.job_id))
    return ranked[:limit]


def booth_links(company_ids, expo: Expo | None = None) -> dict[int, BoothLink]:
    """Where to meet each company: its booth at ``expo``, else at its latest expo."""
    if not company_ids:
        return {}
    stmt = (sa.select(Booth.company_id, Booth.id, Expo.slug).join(Expo, Expo.id == Booth.expo_id)
            .where(Booth.company_id.in_(set(company_ids)))
            .order_by(Expo.ends_on.desc(), Booth.id.desc()))
    if expo is not None:
        stmt = stmt.where(Booth.expo_id == expo.id)
    links = {}
    for company_id, booth_id, slug in db.session.execute(stmt):
        links.setdefault(company_id, BoothLink(booth_id, slug))
    return links


def recommendations(candidate_id: int, expo: Expo | None = None,
                    limit: int = MAX_ITEMS) -> list[Recommendation]:
    """The candidate's recommended roles (at most ``limit``, best first), at ``expo`` only
    when one is given."""
    return recommend(wants_of([candidate_id])[candidate_id], expo,
                     excluded_job_ids(candidate_id), limit)


def recommend(wants: Wants, expo: Expo | None = None, excluded=(),
              limit: int = MAX_ITEMS) -> list[Recommendation]:
    """The best roles for ``wants``, with the roles and booths to show."""
    index = search_engine().index()
    jobs: dict[int, Job] = {}
    ranked = rank(wants, searcher=index.searcher(), schema=index.schema,
                  expo_id=expo.id if expo else None, excluded=excluded, limit=limit, jobs=jobs)
    if not ranked:
        return []
    links = booth_links([r.company_id for r in ranked], expo)
    return [Recommendation(jobs[r.job_id], r.score, r.reasons, links.get(r.company_id))
            for r in ranked if r.job_id in jobs]
