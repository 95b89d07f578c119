"""What organisers do to expos in bulk: write a checked import in one transaction."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from careerexpo.booths.models import Booth
from careerexpo.companies.models import Company
from careerexpo.core.database import refresh_statistics, utcnow
from careerexpo.core.enums import JobState
from careerexpo.core.hktime import end_of_day_hk
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.imports.reader import CompanyRow, ExpoImport, JobRow
from careerexpo.jobs.models import Job

NAME_BATCH = 500  # names per IN (…), well under every backend's parameter limit


@dataclass
class ImportSummary:
    slug: str
    expo_created: bool
    companies: int
    companies_new: int
    companies_updated: int
    jobs: int
    jobs_new: int
    jobs_updated: int
    jobs_without_booth: int  # of companies in the database only, with no booth at this expo

    def __str__(self) -> str:
        return (f"expo {self.slug}{' (new)' if self.expo_created else ''}: "
                f"{self.companies} companies ({self.companies_new} new, "
                f"{self.companies_updated} updated), {self.jobs} jobs ({self.jobs_new} new, "
                f"{self.jobs_updated} updated)")


def companies_by_name(names) -> dict[str, Company]:
    """Companies whose name matches one of ``names``, ignoring case, keyed by lower name."""
    wanted = sorted({n.strip().lower() for n in names})
    found = {}
    for start in range(0, len(wanted), NAME_BATCH):
        stmt = (sa.select(Company).options(selectinload(Company.offices))
                .where(sa.func.lower(Company.name).in_(wanted[start : start + NAME_BATCH])))
        found.update({c.name.lower(): c for c in db.session.scalars(stmt)})
    return found


def existing_company_names(lower_names: list[str]) -> set[str]:
    """The lower-cased names among ``lower_names`` that a company already has."""
    return set(companies_by_name(lower_names))


def _assign(obj, **values) -> bool:
    """Sets only the attributes that differ, so an unchanged row stays clean."""
    changed = False
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)
            changed = True
    return changed


def import_expo(plan: ExpoImport, progress: Callable[[str], None] | None = None) -> ImportSummary:
    """Writes a problem-free plan and commits once; rolls back and re-raises on any error."""
    if plan.problems:
        raise ValueError("an import with problems is not written")
    try:
        summary = _write(plan, progress or (lambda _message: None))
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    refresh_statistics()
    return summary


def _write(plan: ExpoImport, progress: Callable[[str], None]) -> ImportSummary:
    # Autoflush off: every query below should see the database as it was, and the
    # search index is then rewritten by one flush at the end instead of many.
    with db.session.no_autoflush:
        expo = db.session.scalar(sa.select(Expo).where(Expo.slug == plan.slug))
        expo_created = expo is None
        if expo_created:
            expo = Expo(slug=plan.slug, description="")
            db.session.add(expo)
        _assign(expo, name=plan.name, starts_on=plan.starts_on, ends_on=plan.ends_on)

        companies = companies_by_name(
            [c.name for c in plan.companies] + [j.company for j in plan.jobs])
        new_companies, updated_companies = _write_companies(plan.companies, companies)
        exhibitors = [companies[c.name.lower()] for c in plan.companies]
        had_booth = _add_booths(expo, exhibitors)
        jobs_new, jobs_updated = _write_jobs(plan.jobs, companies)
    db.session.flush()
    progress("written; search index updated")
    with_booth = set(exhibitors) | {c for c in companies.values() if c.id in had_booth}
    return ImportSummary(
        slug=plan.slug, expo_created=expo_created, companies=len(plan.companies),
        companies_new=new_companies, companies_updated=updated_companies,
        jobs=len(plan.jobs), jobs_new=jobs_new, jobs_updated=jobs_updated,
        jobs_without_booth=sum(companies[j.company.lower()] not in with_booth for j in plan.jobs),
    )


def _write_companies(rows: list[CompanyRow], companies: dict[str, Company]) -> tuple[int, int]:
    new = updated = 0
    for row in rows:
        company = companies.get(row.name.lower())
        if company is None:
            company = companies[row.name.lower()] = Company(name=row.name)
            db.session.add(company)
            new += 1
        changed = _assign(company, name=row.name, website=row.website,
                          description=row.description, programme=row.programme)
        if set(company.office_regions) != set(row.offices):
            company.set_offices(row.offices)
            changed = True
        if changed and company.id is not None:
            updated += 1
    return new, updated


def _add_booths(expo: Expo, companies: list[Company]) -> set[int]:
    """Gives each company a booth at the expo; returns the ids of those that had one."""
    had = set()
    if expo.id is not None:
        had = set(db.session.scalars(sa.select(Booth.company_id).where(Booth.expo_id == expo.id)))
    db.session.add_all(Booth(expo=expo, company=c) for c in companies if c.id not in had)
    return had


def _job_key(company: Company, row) -> tuple:
    return (id(company), row.title, row.level, row.region, row.employment_type)


def _write_jobs(rows: list[JobRow], companies: dict[str, Company]) -> tuple[int, int]:
    """Matches the i-th row with a key to the i-th existing job with it (by id); adds the rest."""
    company_ids = {c.id for c in companies.values() if c.id is not None}
    existing = defaultdict(list)
    if company_ids:
        stmt = sa.select(Job).where(Job.company_id.in_(company_ids)).order_by(Job.id)
        by_id = {c.id: c for c in companies.values() if c.id is not None}
        for job in db.session.scalars(stmt):
            existing[_job_key(by_id[job.company_id], job)].append(job)
    now = utcnow()
    new = updated = 0
    for row in rows:
        company = companies[row.company.lower()]
        matches = existing[_job_key(company, row)]
        job = matches.pop(0) if matches else None
        if job is None:
            job = Job(company=company, title=row.title, level=row.level, region=row.region,
                      employment_type=row.employment_type, posted_at=now)
            db.session.add(job)
            new += 1
        changed = _assign(
            job, description=row.description, degree=row.degree, area=row.area,
            function=row.function, open_to_overseas=row.open_to_overseas,
            salary_min=row.salary_min, salary_max=row.salary_max, state=JobState.OPEN,
            city=row.city, country=row.country,
            closes_at=end_of_day_hk(row.closes_on) if row.closes_on else None,
            posted_at=job.posted_at or now,
        )
        if changed and job.id is not None:
            updated += 1
    return new, updated
