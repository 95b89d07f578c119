"""Every change emails both sides over real SMTP with the meeting's calendar file, later
if the mail server is down; the periodic command expires unanswered requests (warning
staff first) and sends reminders."""

from datetime import timedelta

from icalendar import Calendar

from careerexpo.core.database import utcnow
from careerexpo.extensions import db
from careerexpo.meetings import services, slots
from careerexpo.meetings.models import Meeting, MeetingStatus
from tests.mailserver import free_port
from tests.meetings.conftest import settle_emails


def calendar_of(message):
    (part,) = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    cal = Calendar.from_ical(part.get_payload(decode=True))
    (event,) = cal.walk("VEVENT")
    return str(cal["METHOD"]), event


def received(inbox, count):
    settle_emails()
    return inbox.wait_for(count)


def by_recipient(messages):
    return {m["To"].addresses[0].addr_spec: m for m in messages}


def test_each_change_emails_both_sides_a_calendar_that_updates_in_place(inbox, fair):
    slot, = fair.slots()
    meeting = services.request_meeting(fair.candidate, slot.id, "Keen on robotics")
    first = by_recipient(received(inbox, 2))
    assert set(first) == {"chan@example.com", "mei@acme.example.com"}
    assert first["mei@acme.example.com"]["Subject"].startswith(
        "Meeting requested: Acme Robotics and Chan Tai Man")
    assert "Keen on robotics" in first["mei@acme.example.com"].get_body(("plain",)).get_content()
    method, event = calendar_of(first["chan@example.com"])
    assert method == "REQUEST" and int(event["SEQUENCE"]) == 0
    uid = str(event["UID"])
    assert event.walk("VALARM")

    services.accept(fair.staff, meeting.id)
    method, event = calendar_of(by_recipient(received(inbox, 4)[2:])["chan@example.com"])
    assert (method, str(event["UID"]), int(event["SEQUENCE"])) == ("REQUEST", uid, 1)
    assert str(event["STATUS"]) == "CONFIRMED"

    services.cancel(fair.candidate, meeting.id, "Found a job")
    last = by_recipient(received(inbox, 6)[4:])
    method, event = calendar_of(last["mei@acme.example.com"])
    assert (method, str(event["UID"]), int(event["SEQUENCE"])) == ("CANCEL", uid, 2)
    assert "Found a job" in last["mei@acme.example.com"].get_body(("plain",)).get_content()


def test_an_unanswered_request_expires_after_a_warning_and_the_slot_returns(
        app, inbox, fair, runner):
    app.config["MEETING_REQUEST_HOURS"] = 48
    slot, = fair.slots()
    # Asked 40 hours ago: 8 hours are left, inside the 12-hour warning.
    meeting = services.request_meeting(fair.candidate, slot.id, now=utcnow() - timedelta(hours=40))
    received(inbox, 2)

    result = runner.invoke(args=["send-alerts"])
    assert result.exit_code == 0, result.output
    assert "0 request(s) expired, 1 warning(s)" in result.output
    (warning,) = inbox.wait_for(3)[2:]
    assert warning["To"].addresses[0].addr_spec == "mei@acme.example.com"
    assert "before" in warning.get_body(("plain",)).get_content()
    assert "1 warning(s)" not in runner.invoke(args=["send-alerts"]).output  # warned once

    db.session.execute(Meeting.__table__.update().values(expires_at=utcnow()))
    db.session.commit()
    result = runner.invoke(args=["send-alerts"])
    assert "1 request(s) expired" in result.output
    db.session.refresh(meeting)
    assert meeting.status == MeetingStatus.EXPIRED
    notices = by_recipient(inbox.wait_for(5)[3:])
    assert set(notices) == {"chan@example.com", "mei@acme.example.com"}
    assert calendar_of(notices["chan@example.com"])[0] == "CANCEL"
    assert slots.free_slots(fair.booth) == [slot]


def test_both_sides_are_reminded_once_before_an_accepted_meeting(app, inbox, fair, runner):
    soon = (utcnow() + timedelta(minutes=30)).replace(second=0, microsecond=0)
    slot, = slots.publish(fair.staff, fair.booth, soon, 20)
    meeting = services.request_meeting(fair.candidate, slot.id)
    services.accept(fair.staff, meeting.id)
    received(inbox, 4)

    assert "1 reminder(s) sent" in runner.invoke(args=["send-alerts"]).output
    reminders = by_recipient(inbox.wait_for(6)[4:])
    assert set(reminders) == {"chan@example.com", "mei@acme.example.com"}
    assert reminders["chan@example.com"]["Subject"].startswith("Meeting soon:")
    assert "0 reminder(s) sent" in runner.invoke(args=["send-alerts"]).output


def test_an_overdue_request_frees_its_slot_before_the_command_runs(client, auth, inbox, fair):
    slot, = fair.slots()
    services.request_meeting(fair.candidate, slot.id, now=utcnow() - timedelta(hours=49))
    auth.login(fair.other)

    assert client.get(fair.slots_url).get_json()["items"][0]["available"] is True
    assert client.post("/api/v1/meetings", json={"slot_id": slot.id}).status_code == 201
    expired = db.session.scalar(db.select(Meeting).where(Meeting.candidate_id == fair.candidate.id))
    assert expired.status == MeetingStatus.EXPIRED
    notices = by_recipient(received(inbox, 6)[2:])  # the expiry and the new request
    assert calendar_of(notices["chan@example.com"])[0] == "CANCEL"


def test_changes_made_while_the_mail_server_is_down_reach_both_sides_once_it_is_back(
        app, inbox, fair, runner):
    up = app.config["MAIL_PORT"]
    app.config["MAIL_PORT"] = free_port()  # nothing listens there
    slot, = fair.slots()
    meeting = services.request_meeting(fair.candidate, slot.id)
    services.accept(fair.staff, meeting.id)
    settle_emails()
    assert inbox.messages == []

    app.config["MAIL_PORT"] = up
    assert "queued emails: 4 sent" in runner.invoke(args=["send-alerts"]).output
    emails = received(inbox, 4)
    sequences = sorted((m["To"].addresses[0].addr_spec, int(calendar_of(m)[1]["SEQUENCE"]))
                       for m in emails)
    assert sequences == [("chan@example.com", 0), ("chan@example.com", 1),
                         ("mei@acme.example.com", 0), ("mei@acme.example.com", 1)]
    assert "queued emails: 0 sent" in runner.invoke(args=["send-alerts"]).output
    assert len(inbox.messages) == 4
