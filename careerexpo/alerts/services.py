"""Job alerts: a candidate's saved searches, managed by them or by an unsubscribe link.

Every function takes the acting candidate and refuses (``AlertNotFound``, a 404 to
the outside) an alert of anyone else's. The unsubscribe link carries the alert's id
signed with the app's SECRET_KEY, so it works without signing in and cannot be forged.
"""

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeSerializer

from careerexpo.alerts.models import AlertFrequency, JobAlert
from careerexpo.auth.models import User
from careerexpo.extensions import db
from careerexpo.feeds.searches import canonical_query
from careerexpo.jobs.search import JobQuery

MAX_ALERTS = 20
MAX_QUERY_LENGTH = 2000  # the column's size
UNSUBSCRIBE_SALT = "careerexpo.alerts.unsubscribe"


class AlertError(ValueError):
    """The alert cannot be saved as asked; the message says why."""


class AlertNotFound(LookupError):
    """No such alert of this candidate's."""


def candidate_alerts(candidate: User) -> list[JobAlert]:
    return list(db.session.scalars(
        sa.select(JobAlert).where(JobAlert.user_id == candidate.id)
        .order_by(JobAlert.created_at.desc(), JobAlert.id.desc())))


def candidate_alert(candidate: User, alert_id: int) -> JobAlert:
    alert = db.session.scalar(sa.select(JobAlert).where(
        JobAlert.id == alert_id, JobAlert.user_id == candidate.id))
    if alert is None:
        raise AlertNotFound(alert_id)
    return alert


def save_alert(candidate: User, query: JobQuery, frequency: AlertFrequency) -> JobAlert:
    """Saves the search as an alert; the same search again just takes the new frequency.

    Roles posted from now on are sent, never the ones the candidate has already seen.
    """
    if not candidate.is_candidate:
        raise AlertError(_("Only job seekers save job alerts."))
    text = canonical_query(query)
    if len(text) > MAX_QUERY_LENGTH:
        raise AlertError(_("This search is too long to save; remove some filters."))
    alert = db.session.scalar(sa.select(JobAlert).where(
        JobAlert.user_id == candidate.id, JobAlert.query == text))
    if alert is None:
        if len(candidate_alerts(candidate)) >= MAX_ALERTS:
            raise AlertError(_("You have %(n)s alerts; delete one first.", n=MAX_ALERTS))
        alert = JobAlert(user_id=candidate.id, query=text)
        db.session.add(alert)
    alert.frequency = AlertFrequency(frequency)
    alert.active = True
    db.session.commit()
    return alert


def set_frequency(candidate: User, alert_id: int, frequency: AlertFrequency) -> JobAlert:
    alert = candidate_alert(candidate, alert_id)
    alert.frequency = AlertFrequency(frequency)
    db.session.commit()
    return alert


def set_active(alert: JobAlert, active: bool) -> JobAlert:
    """Pauses or resumes an alert (from its owner's page or its unsubscribe link)."""
    alert.active = active
    db.session.commit()
    return alert


def delete_alert(candidate: User, alert_id: int) -> None:
    db.session.delete(candidate_alert(candidate, alert_id))
    db.session.commit()


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=UNSUBSCRIBE_SALT)


def unsubscribe_token(alert: JobAlert) -> str:
    return _serializer().dumps(alert.id)


def alert_for_token(token: str) -> JobAlert | None:
    """The alert an unsubscribe link names, or ``None`` for a forged or stale link."""
    try:
        alert_id = _serializer().loads(token)
    except BadSignature:
        return None
    return db.session.get(JobAlert, alert_id) if isinstance(alert_id, int) else None
