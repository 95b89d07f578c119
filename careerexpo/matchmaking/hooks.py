"""Matchmaking hears of what packages below it do, by their signals: an application
counts as APPLIED in the funnel; an account's export and erasure include its dismissals."""

import sqlalchemy as sa

from careerexpo.applications.signals import application_submitted
from careerexpo.extensions import db
from careerexpo.matchmaking import funnel
from careerexpo.matchmaking.models import Dismissal
from careerexpo.privacy.signals import account_erasing, account_exporting


def _applied(_sender, candidate_id: int, job, **_extra) -> None:
    funnel.record_application(candidate_id=candidate_id, company_id=job.company_id)


def _erase(_sender, user, **_extra) -> None:
    db.session.execute(sa.delete(Dismissal).where(Dismissal.candidate_id == user.id))


def _export(_sender, user, **_extra) -> dict:
    return {"dismissed_recommendations": [
        {"job_id": d.job_id, "dismissed_at": d.dismissed_at.isoformat()}
        for d in db.session.scalars(sa.select(Dismissal).where(
            Dismissal.candidate_id == user.id).order_by(Dismissal.dismissed_at))]}


def init_app(_app) -> None:
    # Strong references: these functions live as long as the module.
    application_submitted.connect(_applied)
    account_erasing.connect(_erase)
    account_exporting.connect(_export)
