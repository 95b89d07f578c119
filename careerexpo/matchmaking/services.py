"""What candidates do with their recommendations: see them, open them, dismiss them.

Seeing and opening are counted in the organisers' funnel (RECOMMENDED, VIEWED), once
per candidate and booth.
"""

import sqlalchemy as sa

from careerexpo.booths.models import Booth
from careerexpo.core.database import insert_if_absent
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.jobs.services import get_listed_job
from careerexpo.matchmaking import funnel
from careerexpo.matchmaking.models import Dismissal, FunnelEvent, FunnelStage
from careerexpo.matchmaking.recommendations import Recommendation, booth_links, recommendations


class NotFound(LookupError):
    """No such role or booth to act on."""


def shown_recommendations(candidate_id: int, expo: Expo | None = None) -> list[Recommendation]:
    """The candidate's recommendations, counted as RECOMMENDED with each booth shown."""
    items = recommendations(candidate_id, expo)
    booth_ids = [r.booth.booth_id for r in items if r.booth]
    if booth_ids:
        funnel.record_for_booths(FunnelStage.RECOMMENDED, booth_ids=booth_ids,
                                 candidate_id=candidate_id)
        db.session.commit()
    return items


def dismiss(candidate_id: int, job_id: int) -> None:
    """Never recommend this role to this candidate again; dismissing twice is harmless.

    :raise NotFound: when there is no such role.
    """
    if db.session.get(Job, job_id) is None:
        raise NotFound(job_id)
    insert_if_absent(Dismissal, candidate_id=candidate_id, job_id=job_id)
    db.session.commit()


def _was_recommended(candidate_id: int, booth_id: int) -> bool:
    return db.session.scalar(sa.select(sa.exists().where(
        FunnelEvent.candidate_id == candidate_id, FunnelEvent.booth_id == booth_id,
        FunnelEvent.stage == FunnelStage.RECOMMENDED))) or False


def _viewed(candidate_id: int, booth_id: int) -> None:
    """VIEWED, when the booth was recommended to them: a visit from elsewhere is not one."""
    if _was_recommended(candidate_id, booth_id):
        funnel.record(FunnelStage.VIEWED, booth_id=booth_id, candidate_id=candidate_id)
        db.session.commit()


def open_role(candidate_id: int, job_id: int, booth_id: int | None = None) -> Job:
    """The candidate opens a recommended role: counted as VIEWED with the booth it was
    recommended with (``booth_id``; else the company's latest booth).

    :raise NotFound: when the role is not open.
    """
    job = get_listed_job(job_id)
    if job is None:
        raise NotFound(job_id)
    booth = db.session.get(Booth, booth_id) if booth_id else None
    if booth is None or booth.company_id != job.company_id:
        link = booth_links([job.company_id]).get(job.company_id)
        booth = db.session.get(Booth, link.booth_id) if link else None
    if booth is not None:
        _viewed(candidate_id, booth.id)
    return job


def open_booth(candidate_id: int, booth_id: int) -> Booth:
    """The candidate opens a recommended role's booth: counted as VIEWED.

    :raise NotFound: when there is no such booth.
    """
    booth = db.session.get(Booth, booth_id)
    if booth is None:
        raise NotFound(booth_id)
    _viewed(candidate_id, booth.id)
    return booth
