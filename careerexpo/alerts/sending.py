"""send-alerts: each due alert's new roles, claimed, emailed and recorded, once.

Never the same role twice to one alert, even when runs overlap, repeat or die:

1. The roles an email will announce are *claimed* first: one ``AlertDelivery`` per
   (alert, role), committed before anything is sent. The pair is the table's primary
   key, so no later or concurrent run can claim, and so send, that role to that alert.
2. The email goes out over SMTP.
3. The claims are marked ``sent``.

If the mail server refuses the email outright (or cannot be reached), the claims are
released and the roles go out on the next run. If the process dies between 1 and 3,
or the connection drops mid-message so that nobody knows whether the email arrived,
the claims stay: those roles are never announced by that alert. At most once, rather
than perhaps twice; each run reports such unconfirmed claims.
"""

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from careerexpo.alerts.emails import alert_email
from careerexpo.alerts.models import AlertDelivery, AlertFrequency, DeliveryStatus, JobAlert
from careerexpo.auth.models import User
from careerexpo.core.database import utcnow
from careerexpo.core.errors import BadParameter
from careerexpo.core.mail import Mailer, MailError
from careerexpo.extensions import db
from careerexpo.feeds.searches import query_from_string
from careerexpo.jobs.models import Job
from careerexpo.jobs.search import search_jobs

DAILY = timedelta(hours=23)  # a digest a day, with slack for a cron job that runs late
# A new alert starts with the past week's matching roles, then sends each new one.
FIRST_LOOKBACK = timedelta(days=7)
# A role committed a little after its posted_at is still found by the next run.
OVERLAP = timedelta(hours=1)
MAX_ROLES = 200  # announced by one email at most (the email lists the newest)
PAGE = 100


@dataclass
class Report:
    emails: int = 0
    roles: int = 0
    problems: list[str] = field(default_factory=list)
    unconfirmed: int = 0

    def __str__(self) -> str:
        text = f"{self.emails} email(s) sent announcing {self.roles} role(s)"
        if self.unconfirmed:
            text += f"; {self.unconfirmed} email(s) may or may not have arrived (not resent)"
        return text


def due_alerts(now: datetime) -> list[JobAlert]:
    """Active alerts of active users: instant ones always, daily ones once a day."""
    return list(db.session.scalars(
        sa.select(JobAlert).join(User, User.id == JobAlert.user_id)
        .where(JobAlert.active.is_(True), User.active.is_(True),
               sa.or_(JobAlert.frequency == AlertFrequency.INSTANT,
                      JobAlert.last_checked_at.is_(None),
                      JobAlert.last_checked_at <= now - DAILY))
        .order_by(JobAlert.id)))


def new_roles(alert: JobAlert) -> list[Job]:
    """Matching roles posted since the alert last looked, that it has not announced.

    :raise BadParameter: when the saved search no longer reads (an expo was removed).
    """
    query = query_from_string(alert.query)
    since = alert.created_at - FIRST_LOOKBACK
    if alert.last_checked_at is not None:
        since = max(since, alert.last_checked_at - OVERLAP)
    found: list[Job] = []
    page = 1
    while len(found) < MAX_ROLES:
        result = search_jobs(replace(query, sort="newest", page=page, per_page=PAGE))
        recent = [job for job in result.items if job.posted_at >= since]
        found += recent
        if len(recent) < len(result.items) or page >= result.pages:
            break
        page += 1
    announced = set(db.session.scalars(sa.select(AlertDelivery.job_id).where(
        AlertDelivery.alert_id == alert.id,
        AlertDelivery.job_id.in_([job.id for job in found]))))
    return [job for job in found if job.id not in announced][:MAX_ROLES]


def _claim(alert: JobAlert, roles: list[Job], now: datetime) -> bool:
    """Records the roles as claimed for this alert; False if another run got there first."""
    db.session.add_all(AlertDelivery(alert_id=alert.id, job_id=job.id, claimed_at=now,
                                     status=DeliveryStatus.CLAIMED) for job in roles)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return True


def _settle(alert: JobAlert, roles: list[Job], sent: bool, now: datetime) -> None:
    """Marks the claims sent (the alert has looked as of ``now``), or releases them."""
    claims = sa.and_(AlertDelivery.alert_id == alert.id,
                     AlertDelivery.job_id.in_([job.id for job in roles]))
    if sent:
        db.session.execute(sa.update(AlertDelivery).where(claims)
                           .values(status=DeliveryStatus.SENT, sent_at=utcnow()))
        alert.last_checked_at = now
        alert.last_sent_at = utcnow()
    else:
        db.session.execute(sa.delete(AlertDelivery).where(claims))
    db.session.commit()


def send_due_alerts(mailer: Mailer, sender: str, now: datetime | None = None) -> Report:
    """Emails every due alert its new roles. Connects to the mail server only if needed."""
    now = now or utcnow()
    report = Report()
    connected = False
    try:
        for alert in due_alerts(now):
            try:
                roles = new_roles(alert)
            except BadParameter as exc:
                report.problems.append(f"alert {alert.id}: its search no longer reads: {exc}")
                roles = []
            if not roles:
                alert.last_checked_at = now
                db.session.commit()
                continue
            if not _claim(alert, roles, now):
                continue  # another run is announcing these roles
            try:
                if not connected:
                    mailer.open()
                    connected = True
                mailer.send(alert_email(alert, roles, sender))
            except MailError as exc:
                report.problems.append(f"alert {alert.id} to {alert.user.email}: {exc}")
                if exc.refused:
                    _settle(alert, roles, sent=False, now=now)
                    if connected:
                        continue
                else:
                    report.unconfirmed += 1
                break  # the connection is gone; the next run goes on from here
            _settle(alert, roles, sent=True, now=now)
            report.emails += 1
            report.roles += len(roles)
    finally:
        mailer.close()
    return report
