"""A meeting as an iCalendar file (RFC 5545, with iTIP's METHOD), made by icalendar.

One UID for the meeting's whole life and a SEQUENCE that rises with each change, so a
calendar that took in the request updates that one entry when the meeting is accepted,
moved or cancelled, instead of adding another.
"""

from datetime import timedelta
from email.utils import parseaddr

from icalendar import Alarm, Calendar, Event, vCalAddress, vText

from careerexpo.core.database import utcnow
from careerexpo.meetings.models import Meeting, MeetingStatus

REQUEST, CANCEL = "REQUEST", "CANCEL"
REMIND_BEFORE = timedelta(minutes=15)
STATUS = {MeetingStatus.REQUESTED: "TENTATIVE", MeetingStatus.ACCEPTED: "CONFIRMED",
          MeetingStatus.HELD: "CONFIRMED", MeetingStatus.NO_SHOW: "CONFIRMED"}


def uid(meeting: Meeting, domain: str) -> str:
    return f"meeting-{meeting.id}@{domain}"


def method_for(meeting: Meeting) -> str:
    return CANCEL if meeting.has_ended else REQUEST


def _address(email: str, name: str, role: str | None = None) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    address.params["cn"] = vText(name or email)
    if role:
        address.params["role"] = vText(role)
    return address


def calendar(meeting: Meeting, summary: str, description: str, url: str, sender: str,
             staff=()) -> bytes:
    """The meeting's calendar file: METHOD:REQUEST while it stands, METHOD:CANCEL once
    it was declined, cancelled or expired."""
    sender_name, sender_email = parseaddr(sender)
    domain = sender_email.rpartition("@")[2] or "careerexpo"
    cal = Calendar()
    cal.add("prodid", "-//CareerExpo//Meetings//EN")
    cal.add("version", "2.0")
    cal.add("method", method_for(meeting))
    event = Event()
    event.add("uid", uid(meeting, domain))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", utcnow())
    event.add("dtstart", meeting.slot.starts_at)
    event.add("dtend", meeting.slot.ends_at)
    event.add("summary", summary)
    event.add("description", description)
    event.add("url", url)
    event.add("location", url)
    event.add("status", "CANCELLED" if meeting.has_ended else STATUS[meeting.status])
    event.add("organizer", _address(sender_email, meeting.booth.company.name or sender_name))
    event.add("attendee", _address(meeting.candidate.email, meeting.candidate.shown_name,
                                   "REQ-PARTICIPANT"), encode=0)
    for person in staff:
        event.add("attendee", _address(person.email, person.shown_name, "REQ-PARTICIPANT"),
                  encode=0)
    if not meeting.has_ended:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", -REMIND_BEFORE)
        event.add_component(alarm)
    cal.add_component(event)
    return cal.to_ical()
