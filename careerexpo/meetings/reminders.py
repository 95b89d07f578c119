"""The periodic part of meetings, run by ``flask send-alerts`` with the job alerts:
requests nobody answered expire (staff are warned before), and both sides are
reminded before each accepted meeting.

Each email is queued in the transaction that marks the meeting warned or reminded
(``mailing/``), so overlapping or repeated runs never queue it twice, and a mail
server that is down delays it rather than losing it: the queue's own part of
``flask send-alerts``, which runs after this one, sends it.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from careerexpo.core.database import utcnow
from careerexpo.core.mail import Mailer
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


def _claim(meeting_ids: list[int], column, now: datetime, kind: str, *conditions,
           staff_only: bool = False) -> int:
    """Marks each meeting (still unclaimed) as done by this run, with its emails in the
    same transaction; returns how many it won."""
    won = 0
    for meeting_id in meeting_ids:
        taken = db.session.execute(sa.update(Meeting).where(
            Meeting.id == meeting_id, column.is_(None), *conditions).values({column: now}))
        if taken.rowcount == 1:
            notices.queue(db.session.get(Meeting, meeting_id), kind, staff_only=staff_only)
            won += 1
        db.session.commit()
    return won


def warn(now: datetime, warning: timedelta) -> int:
    due = db.session.scalars(sa.select(Meeting.id).where(
        Meeting.status == MeetingStatus.REQUESTED, Meeting.expiry_warned_at.is_(None),
        Meeting.expires_at <= now + warning, Meeting.expires_at > now)).all()
    return _claim(list(due), Meeting.expiry_warned_at, now, notices.WARNING,
                  Meeting.status == MeetingStatus.REQUESTED, staff_only=True)


def remind(now: datetime, lead: timedelta) -> int:
    due = db.session.scalars(sa.select(Meeting.id).join(Meeting.slot).where(
        Meeting.status == MeetingStatus.ACCEPTED, Meeting.reminded_at.is_(None),
        MeetingSlot.starts_at <= now + lead, MeetingSlot.starts_at > now)).all()
    return _claim(list(due), Meeting.reminded_at, now, notices.REMINDER,
                  Meeting.status == MeetingStatus.ACCEPTED)


def run(_mailer: Mailer | None = None, now: datetime | None = None) -> Report:
    """Expires, warns and reminds, queuing the emails each needs; needs a request
    context on the site's address (for the emails' links)."""
    now = now or utcnow()
    config = current_app.config
    return Report(
        expired=len(expire_overdue(now)),
        warned=warn(now, timedelta(hours=config["MEETING_EXPIRY_WARNING_HOURS"])),
        reminded=remind(now, timedelta(minutes=config["MEETING_REMINDER_MINUTES"])))
