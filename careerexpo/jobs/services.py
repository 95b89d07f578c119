"""What employers do with their roles: create, edit, publish, close, reopen.

Every function takes the acting employer and refuses (``JobAccessError``, a 404
to the outside) to touch a role of another company, whatever id is given.
"""

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from flask_babel import gettext as _

from careerexpo.applications.models import Application
from careerexpo.auth.models import User
from careerexpo.core.countries import REGION_COUNTRIES
from careerexpo.core.database import utcnow
from careerexpo.core.enums import ApplicationStatus, JobState, Region
from careerexpo.core.pagination import Page
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.jobs.search import listed_condition

EDITABLE_FIELDS = (
    "title", "description", "level", "degree", "region", "area", "function",
    "employment_type", "open_to_overseas", "salary_min", "salary_max", "closes_at",
    "city", "country",
)


class JobAccessError(LookupError):
    """No such role for this employer (it may exist at another company)."""


class JobFieldError(ValueError):
    """A field's value cannot be saved with the role's others; ``field`` names it."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class JobStateError(ValueError):
    """The role cannot move to that state now; the message says why."""


def get_listed_job(job_id: int) -> Job | None:
    return db.session.scalar(sa.select(Job).where(Job.id == job_id, listed_condition()))


# Built once: a role's page is the most requested page there is, and building the
# statement (and its cache key) anew cost as much as running it.
_PUBLIC_JOB = sa.select(Job).where(Job.id == sa.bindparam("job_id"), Job.state != JobState.DRAFT)


def get_public_job(job_id: int) -> Job | None:
    """A role anyone may look at: open or closed, never a draft."""
    return db.session.scalar(_PUBLIC_JOB, {"job_id": job_id})


def company_job(employer: User, job_id: int) -> Job:
    job = db.session.scalar(
        sa.select(Job).where(Job.id == job_id, Job.company_id == employer.company_id)
    )
    if job is None:
        raise JobAccessError(job_id)
    return job


@dataclass
class JobRow:
    job: Job
    applicants: int
    new_applicants: int


def _company_jobs(employer: User, state: JobState | None):
    """The company's roles, the most recently posted first (a draft by when it was
    begun), with applicant counts from one GROUP BY."""
    counts = (
        sa.select(
            Application.job_id,
            sa.func.count().label("n"),
            sa.func.count().filter(Application.status == ApplicationStatus.SUBMITTED).label("new"),
        )
        .group_by(Application.job_id)
        .subquery()
    )
    stmt = (
        sa.select(Job, sa.func.coalesce(counts.c.n, 0), sa.func.coalesce(counts.c.new, 0))
        .outerjoin(counts, counts.c.job_id == Job.id)
        .where(Job.company_id == employer.company_id)
        .order_by(sa.func.coalesce(Job.posted_at, Job.created_at).desc(), Job.id.desc())
    )
    if state is not None:
        stmt = stmt.where(Job.state == state)
    return stmt


def company_jobs(employer: User, state: JobState | None = None) -> list[JobRow]:
    """Every role of the company (or those in ``state``), newest first."""
    return [JobRow(job, n, new) for job, n, new in
            db.session.execute(_company_jobs(employer, state))]


def company_jobs_page(employer: User, state: JobState | None, page: int,
                      per_page: int) -> tuple[Page, dict[JobState, int]]:
    """One page of ``company_jobs``, and how many roles are in each state (the page's
    total is one of those counts)."""
    counts = state_counts(employer)
    total = counts[state] if state is not None else sum(counts.values())
    stmt = _company_jobs(employer, state).limit(per_page).offset((page - 1) * per_page)
    items = [JobRow(job, n, new) for job, n, new in db.session.execute(stmt)]
    return Page(items, total, page, per_page), counts


def state_counts(employer: User) -> dict[JobState, int]:
    """How many of the company's roles are in each state, zeros included."""
    counts = dict.fromkeys(JobState, 0)
    counts.update(db.session.execute(
        sa.select(Job.state, sa.func.count()).where(Job.company_id == employer.company_id)
        .group_by(Job.state)).all())
    return counts


def _check_closing(closes_at: datetime | None) -> None:
    if closes_at is not None and closes_at <= utcnow():
        raise JobStateError(_("The closing date is in the past."))


def create_job(employer: User, fields: dict, publish: bool) -> Job:
    """:raise JobFieldError: when the salary range runs backwards or the country does not
    go with the region."""
    _check_salary_range(Job(), fields)
    fields = _settle_location(Job(), fields)
    job = Job(company_id=employer.company_id, state=JobState.DRAFT,
              **{k: fields[k] for k in EDITABLE_FIELDS if k in fields})
    db.session.add(job)
    if publish:
        _publish(job)
    db.session.commit()
    return job


def _check_salary_range(job: Job, fields: dict) -> None:
    """The range the role will have once ``fields`` are applied must not run backwards."""
    low = fields.get("salary_min", job.salary_min)
    high = fields.get("salary_max", job.salary_max)
    if low is not None and high is not None and low > high:
        field = "salary_max" if "salary_max" in fields else "salary_min"
        raise JobFieldError(field, _("The range %(low)s–%(high)s runs backwards.",
                                     low=low, high=high))


def _settle_location(job: Job, fields: dict) -> dict:
    """``fields`` with the country the role will have: Hong Kong and Greater Bay Area
    roles are in HK and CN whatever was left blank; an overseas one must name its own."""
    region = fields.get("region", job.region)
    if region is None:
        return fields
    region = Region(region)
    country = fields["country"] if "country" in fields else job.country
    expected = REGION_COUNTRIES.get(region)
    if expected and (not country or "country" not in fields):
        country = expected
    elif expected and country != expected:
        raise JobFieldError("country", _("A role in this region is based in %(country)s.",
                                         country=expected))
    elif region == Region.OVERSEAS and (not country or country == "HK"):
        raise JobFieldError("country", _("Choose the country an overseas role is based in "
                                         "(outside Hong Kong)."))
    fields = {**fields, "country": country or None}
    if "city" in fields:
        fields["city"] = (fields["city"] or "").strip() or None
    return fields


def update_job(employer: User, job_id: int, fields: dict) -> Job:
    """Changes the role's fields given in ``fields``.

    :raise JobAccessError: for a role of another company.
    :raise JobFieldError: when the salary range would run backwards or the country
        would not go with the region.
    """
    job = company_job(employer, job_id)
    _check_salary_range(job, fields)
    fields = _settle_location(job, fields)
    for key in EDITABLE_FIELDS:
        if key in fields:
            setattr(job, key, fields[key])
    db.session.commit()
    return job


def _publish(job: Job) -> None:
    _check_closing(job.closes_at)
    job.state = JobState.OPEN
    job.posted_at = job.posted_at or utcnow()


def publish_job(employer: User, job_id: int) -> Job:
    job = company_job(employer, job_id)
    if job.state == JobState.OPEN:
        raise JobStateError(_("The role is already open."))
    _publish(job)
    db.session.commit()
    return job


def close_job(employer: User, job_id: int) -> Job:
    job = company_job(employer, job_id)
    if job.state != JobState.OPEN:
        raise JobStateError(_("Only an open role can be closed."))
    job.state = JobState.CLOSED
    db.session.commit()
    return job
