"""The periodic part of meetings, run by ``flask send-alerts`` with the job alerts:
requests nobody answered expire (staff are warned before), and both sides are
reminded before each accepted meeting.

Each email is claimed before it is sent (the row is marked warned or reminded and
committed), so overlapping or repeated runs never send it twice: at most once, as the
job alerts.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from careerexpo.core.database import utcnow
from careerexpo.core.mail import Mailer, MailError
from careerexpo.extensions import db
from careerexpo.meetings import notices
from careerexpo.meetings.expiry import expire_overdue
from careerexpo.meetings.models import Meeting, MeetingSlot, MeetingStatus


@dataclass
class Report:
    expired: int = 0
    warned: int = 0
    reminded: int = 0
    problems: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (f"meetings: {self.expired} request(s) expired, {self.warned} warning(s) "
                f"and {self.reminded} reminder(s) sent")


def _claim(meeting_ids: list[int], column, now: datetime, *conditions) -> list[Meeting]:
    """Marks each meeting (still unclaimed) as done by this run; returns those it won."""
    won = []
    for meeting_id in meeting_ids:
        taken = db.session.execute(sa.update(Meeting).where(
            Meeting.id == meeting_id, column.is_(None), *conditions).values({column: now}))
        db.session.commit()
        if taken.rowcount == 1:
            won.append(db.session.get(Meeting, meeting_id))
    return won


def to_warn(now: datetime, warning: timedelta) -> list[Meeting]:
    due = db.session.scalars(sa.select(Meeting.id).where(
        Meeting.status == MeetingStatus.REQUESTED, Meeting.expiry_warned_at.is_(None),
        Meeting.expires_at <= now + warning, Meeting.expires_at > now)).all()
    return _claim(list(due), Meeting.expiry_warned_at, now,
                  Meeting.status == MeetingStatus.REQUESTED)


def to_remind(now: datetime, lead: timedelta) -> list[Meeting]:
    due = db.session.scalars(sa.select(Meeting.id).join(Meeting.slot).where(
        Meeting.status == MeetingStatus.ACCEPTED, Meeting.reminded_at.is_(None),
        MeetingSlot.starts_at <= now + lead, MeetingSlot.starts_at > now)).all()
    return _claim(list(due), Meeting.reminded_at, now, Meeting.status == MeetingStatus.ACCEPTED)


def run(mailer: Mailer, now: datetime | None = None) -> Report:
    """Expires, warns and reminds; needs a request context on the site's address."""
    now = now or utcnow()
    config = current_app.config
    report = Report()
    batches = []
    for meeting in expire_overdue(now):
        report.expired += 1
        batches.append(notices.messages(meeting, notices.EXPIRED))
    for meeting in to_warn(now, timedelta(hours=config["MEETING_EXPIRY_WARNING_HOURS"])):
        report.warned += 1
        batches.append(notices.messages(meeting, notices.WARNING, staff_only=True))
    for meeting in to_remind(now, timedelta(minutes=config["MEETING_REMINDER_MINUTES"])):
        report.reminded += 1
        batches.append(notices.messages(meeting, notices.REMINDER))
    if not any(batches):
        return report
    try:
        mailer.open()
        for batch in batches:
            for message in batch:
                mailer.send(message)
    except MailError as exc:
        report.problems.append(f"meeting emails: {exc}")
    finally:
        mailer.close()
    return report
