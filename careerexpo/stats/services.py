"""An expo's figures, counted by the database: a few aggregate queries, no row loops.

What counts (DOMAIN.md, "Headline figures of an expo"):

- the expo's jobs are the jobs in state ``open`` of the companies with a booth at
  the expo (a job's closing date does not take it out: an expo's figures are
  what it offered, and they must not shrink as its closing dates pass);
- its companies are the companies with a booth, jobs or not.

Filters narrow both: an area keeps the jobs in that area and the companies with
at least one of them; a programme keeps the companies of that programme and
their jobs. Every figure is then recomputed over what is left.
"""

import sqlalchemy as sa

from careerexpo.booths.models import Booth
from careerexpo.companies.models import Company, CompanyOffice
from careerexpo.core.database import member_counts, member_tallies, tally
from careerexpo.core.enums import (
    Area,
    Degree,
    Function,
    JobState,
    Level,
    Programme,
    Region,
)
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.stats.figures import OFFICE_REGIONS, TECHNOLOGY_RND, ExpoStats
from careerexpo.stats.filters import NO_PROGRAMME, StatsFilters

# The job columns broken down member by member, in one pass over the expo's jobs.
JOB_BREAKDOWNS = {"level": Level, "degree": Degree, "region": Region, "area": Area,
                  "function": Function}


def _booths(expo_id: int, filters: StatsFilters):
    """The FROM and WHERE shared by both queries: the expo's booths, their companies."""
    stmt = (sa.select().select_from(Booth).join(Company, Company.id == Booth.company_id)
            .where(Booth.expo_id == expo_id))
    if filters.programme == NO_PROGRAMME:
        stmt = stmt.where(Company.programme.is_(None))
    elif filters.programme:
        stmt = stmt.where(Company.programme == Programme(filters.programme))
    return stmt


def _job_counts(expo_id: int, filters: StatsFilters) -> dict[str, int]:
    """Every job figure in one pass over the expo's open jobs (the last member of each
    breakdown derived from the others: ``core.database.member_tallies``)."""
    columns = [sa.func.count().label("jobs"),
               tally(Job.open_to_overseas.is_(True), "open_to_overseas")]
    columns += [tally(Company.programme == p, f"programme:{p}") for p in Programme]
    for name, enum_cls in JOB_BREAKDOWNS.items():
        columns += member_tallies(name, getattr(Job, name), enum_cls)
    # Every column counted is in ix_jobs_expo_figures (migration 0004), so the jobs are
    # read from that index, company by company, and never from the table.
    stmt = (_booths(expo_id, filters).add_columns(*columns)
            .join(Job, Job.company_id == Booth.company_id).where(Job.state == JobState.OPEN))
    if filters.area:
        stmt = stmt.where(Job.area == filters.area)
    row = db.session.execute(stmt).one()._mapping
    counts = {key: int(value) for key, value in row.items()}
    for name, enum_cls in JOB_BREAKDOWNS.items():
        counts.update({f"{name}:{member}": n for member, n in
                       member_counts(row, name, enum_cls, counts["jobs"]).items()})
    counts["technology_rnd"] = sum(counts[f"function:{f}"] for f in TECHNOLOGY_RND)
    return counts


def _company_counts(expo_id: int, filters: StatsFilters) -> dict[str, int]:
    def office_in(*regions):
        return (sa.exists().where(CompanyOffice.company_id == Booth.company_id,
                                  CompanyOffice.region.in_(regions)))

    columns = [sa.func.count(Booth.company_id).label("companies"),
               tally(office_in(Region.GBA, Region.OVERSEAS), "outside_hk"),
               tally(Company.programme.is_(None), f"programme:{NO_PROGRAMME}")]
    columns += [tally(office_in(r), f"office:{r}") for r in OFFICE_REGIONS]
    columns += [tally(Company.programme == p, f"programme:{p}") for p in Programme]
    stmt = _booths(expo_id, filters).add_columns(*columns)
    if filters.area:
        stmt = stmt.where(sa.exists().where(
            Job.company_id == Booth.company_id, Job.state == JobState.OPEN,
            Job.area == filters.area))
    return {key: int(value) for key, value in db.session.execute(stmt).one()._mapping.items()}


def expo_stats(expo: Expo, filters: StatsFilters | None = None) -> ExpoStats:
    """Every headline figure of ``expo``, narrowed by the filters if any."""
    filters = filters or StatsFilters()
    jobs = _job_counts(expo.id, filters)
    companies = _company_counts(expo.id, filters)
    return ExpoStats(
        expo=expo, filters=filters, jobs=jobs["jobs"], companies=companies["companies"],
        jobs_open_to_overseas=jobs["open_to_overseas"],
        jobs_technology_rnd=jobs["technology_rnd"],
        companies_outside_hk=companies["outside_hk"],
        jobs_by_programme={p.value: jobs[f"programme:{p}"] for p in Programme},
        jobs_by={name: {m.value: jobs[f"{name}:{m}"] for m in enum_cls}
                 for name, enum_cls in JOB_BREAKDOWNS.items()},
        companies_by_office_region={r.value: companies[f"office:{r}"] for r in OFFICE_REGIONS},
        companies_by_programme={p: companies[f"programme:{p}"]
                                for p in (*Programme.keys(), NO_PROGRAMME)},
    )


def expo_summaries() -> list[dict]:
    """Every expo, newest first, with its number of companies (booths) and open jobs."""
    companies = (sa.select(Booth.expo_id, sa.func.count().label("n"))
                 .group_by(Booth.expo_id).subquery())
    jobs = (sa.select(Booth.expo_id, sa.func.count(Job.id).label("n"))
            .join(Job, Job.company_id == Booth.company_id)
            .where(Job.state == JobState.OPEN).group_by(Booth.expo_id).subquery())
    stmt = (sa.select(Expo.slug, Expo.name, Expo.starts_on, Expo.ends_on,
                      sa.func.coalesce(companies.c.n, 0), sa.func.coalesce(jobs.c.n, 0))
            .outerjoin(companies, companies.c.expo_id == Expo.id)
            .outerjoin(jobs, jobs.c.expo_id == Expo.id)
            .order_by(Expo.starts_on.desc(), Expo.ends_on.desc(), Expo.id.desc()))
    return [{"slug": slug, "name": name, "starts": starts.isoformat(), "ends": ends.isoformat(),
             "companies": int(n_companies), "jobs": int(n_jobs)}
            for slug, name, starts, ends, n_companies, n_jobs in db.session.execute(stmt)]
