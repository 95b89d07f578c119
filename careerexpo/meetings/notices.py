"""Emails about a meeting, to both sides, each with the meeting's calendar file.

Changes made on a page or through the API are sent from another thread once the
change is committed, so the answer does not wait for the mail server; the periodic
command (``reminders.py``) sends its own over the connection it holds.
"""

import logging
import threading
from email.message import EmailMessage

from flask import current_app, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from careerexpo.auth.models import User
from careerexpo.booths import staffing
from careerexpo.core.formatting import hk_datetime
from careerexpo.core.mail import Mailer, MailError, new_message
from careerexpo.extensions import db
from careerexpo.meetings import ics
from careerexpo.meetings.models import Meeting

log = logging.getLogger(__name__)

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


def messages(meeting: Meeting, kind: str, by: User | None = None,
             staff_only: bool = False) -> list[EmailMessage]:
    """The emails telling each side (or the staff alone) about ``kind``."""
    sender = current_app.config["MAIL_SENDER"]
    calendar = None if kind == WARNING else calendar_file(meeting, sender)
    people = staff_recipients(meeting)
    if not staff_only and meeting.candidate.active:
        people = [meeting.candidate, *people]
    return [_message(meeting, kind, person, sender, calendar, by) for person in people]


def deliver(batch: list[EmailMessage], settings) -> bool:
    """Sends over one connection; a failure is logged, not raised: the change stands."""
    try:
        with Mailer(settings) as mailer:
            for message in batch:
                mailer.send(message)
    except MailError:
        log.exception("could not send meeting emails (%s)", batch[0]["Subject"] if batch else "")
        return False
    return True


def send_change(meeting: Meeting, kind: str, by: User | None = None) -> threading.Thread:
    """Emails both sides about a committed change, from another thread."""
    batch = messages(meeting, kind, by)
    settings = {k: v for k, v in current_app.config.items() if k.startswith("MAIL_")}
    thread = threading.Thread(target=deliver, args=(batch, settings), daemon=True,
                              name="meeting-email")
    thread.start()
    return thread
