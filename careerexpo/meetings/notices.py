"""Emails about a meeting, to both sides, each with the meeting's calendar file.

Each is queued in the transaction of the change it tells about (``queue``), so it
carries the calendar's SEQUENCE of that change and goes out if and only if the change
committed. Changes made on a page or through the API then send them from another
thread (``outbox.deliver_soon``), so the answer does not wait for the mail server; the
periodic command (``reminders.py``) leaves its own to the queue's run in the same
command. Whatever cannot be sent is retried (``mailing/delivery.py``).
"""

from email.message import EmailMessage

from flask import current_app, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from careerexpo.auth.models import User
from careerexpo.booths import staffing
from careerexpo.core.formatting import hk_datetime
from careerexpo.core.mail import new_message
from careerexpo.extensions import db
from careerexpo.mailing import outbox
from careerexpo.meetings import ics
from careerexpo.meetings.models import Meeting

REQUESTED, ACCEPTED, DECLINED = "requested", "accepted", "declined"
CANCELLED, RESCHEDULED, EXPIRED = "cancelled", "rescheduled", "expired"
WARNING, REMINDER = "warning", "reminder"
HEADLINES = {
    REQUESTED: _l("Meeting requested"), ACCEPTED: _l("Meeting accepted"),
    DECLINED: _l("Meeting declined"), CANCELLED: _l("Meeting cancelled"),
    RESCHEDULED: _l("Meeting moved"), EXPIRED: _l("Meeting request expired"),
    WARNING: _l("Meeting request waiting for an answer"), REMINDER: _l("Meeting soon"),
}


def staff_recipients(meeting: Meeting) -> list[User]:
    """The staff member who answered, or, until someone has, everyone at the booth."""
    if meeting.staff is not None and meeting.staff.active:
        return [meeting.staff]
    ids = staffing.staff_ids(meeting.booth)
    return [u for u in (db.session.get(User, i) for i in sorted(ids)) if u and u.active]


def summary(meeting: Meeting) -> str:
    return _("Meeting: %(company)s and %(candidate)s", company=meeting.booth.company.name,
             candidate=meeting.candidate.shown_name)


def calendar_file(meeting: Meeting, sender: str) -> bytes:
    url = url_for("meetings.mine", _external=True)
    description = "\n\n".join(part for part in (meeting.note, url) if part)
    return ics.calendar(meeting, summary(meeting), description, url, sender,
                        staff_recipients(meeting))


def _message(meeting: Meeting, kind: str, to: User, sender: str, calendar: bytes | None,
             by: User | None) -> EmailMessage:
    when = hk_datetime(meeting.slot.starts_at)
    subject = _("%(what)s: %(company)s and %(candidate)s, %(when)s",
                what=HEADLINES[kind], company=meeting.booth.company.name,
                candidate=meeting.candidate.shown_name,
                # A plain space keeps an all-ASCII subject unencoded.
                when=when.replace("\u202f", " "))
    message = new_message("meeting", subject, sender, (to.shown_name, to.email))
    message.set_content(render_template(
        "meetings/email.txt", meeting=meeting, kind=kind, headline=HEADLINES[kind],
        recipient=to, by=by, when=when, url=url_for("meetings.mine", _external=True),
        expires=hk_datetime(meeting.expires_at)))
    if calendar is not None:
        method = ics.method_for(meeting)
        message.add_attachment(calendar, maintype="text", subtype="calendar",
                               params={"method": method}, filename=f"meeting-{meeting.id}.ics")
    return message


def queue(meeting: Meeting, kind: str, by: User | None = None,
          staff_only: bool = False) -> int:
    """Queues the emails telling each side (or the staff alone) about ``kind``, as the
    open transaction leaves the meeting; the caller's commit commits them with the
    change. Returns how many."""
    db.session.flush()
    db.session.refresh(meeting)  # its status and sequence as this change set them
    sender = current_app.config["MAIL_SENDER"]
    calendar = None if kind == WARNING else calendar_file(meeting, sender)
    people = staff_recipients(meeting)
    if not staff_only and meeting.candidate.active:
        people = [meeting.candidate, *people]
    for person in people:
        outbox.enqueue(_message(meeting, kind, person, sender, calendar, by),
                       outbox.MEETING, person)
    return len(people)
