"""Requests nobody answered in time lapse and free their slots.

``flask send-alerts`` lapses them every few minutes; so do the pages and API calls that
read or take slots, for their booth, so a slot is offered again the moment its request
runs out rather than at the command's next run.
"""

from datetime import datetime

import sqlalchemy as sa

from careerexpo.core.database import utcnow
from careerexpo.extensions import db
from careerexpo.mailing import outbox
from careerexpo.meetings import notices
from careerexpo.meetings.models import Meeting, MeetingStatus


def expire_overdue(now: datetime | None = None, booth_id: int | None = None) -> list[Meeting]:
    """Marks overdue requests (of one booth, or all) expired, each with the emails that
    tell both sides in its transaction; returns those this call expired."""
    now = now or utcnow()
    due = db.session.scalars(sa.select(Meeting.id).where(
        Meeting.status == MeetingStatus.REQUESTED, Meeting.expires_at <= now,
        Meeting.booth_id == booth_id if booth_id is not None else sa.true())).all()
    expired = []
    for meeting_id in due:
        # Only if still unanswered: staff accepting at this moment win or lose cleanly.
        changed = db.session.execute(sa.update(Meeting).where(
            Meeting.id == meeting_id, Meeting.status == MeetingStatus.REQUESTED).values(
            status=MeetingStatus.EXPIRED, sequence=Meeting.sequence + 1, updated_at=now))
        if changed.rowcount == 1:
            meeting = db.session.get(Meeting, meeting_id)
            notices.queue(meeting, notices.EXPIRED)
            expired.append(meeting)
        db.session.commit()
    return expired


def lapse(booth_id: int | None = None, now: datetime | None = None) -> None:
    """Expires the booth's (or every) overdue request and emails both sides of each, from
    another thread (for pages and the API)."""
    if expire_overdue(now, booth_id):
        outbox.deliver_soon()
