"""The pages: a candidate books from the booth page and follows "My meetings"; staff
answer, open the meeting's chat at its time, mark it and move the candidate into a role."""

from datetime import timedelta

import sqlalchemy as sa

from careerexpo.applications.models import Application
from careerexpo.candidates.models import CandidateProfile
from careerexpo.chat.models import Conversation, ConversationStatus
from careerexpo.core.database import utcnow
from careerexpo.core.enums import ApplicationStatus
from careerexpo.extensions import db
from careerexpo.matchmaking.models import FunnelEvent
from careerexpo.meetings import services
from careerexpo.meetings.models import Meeting, MeetingSlot, MeetingStatus
from tests.meetings.conftest import SLUG


def booth_page(fair):
    return f"/expos/{SLUG}/booths/{fair.booth.id}"


def started(meeting, minutes_ago=5):
    """As if the meeting's time had come: its slot moved to a few minutes ago."""
    slot = db.session.get(MeetingSlot, meeting.slot_id)
    slot.starts_at = utcnow() - timedelta(minutes=minutes_ago)
    db.session.commit()


def test_a_candidate_books_from_the_booth_page_and_sees_it_in_my_meetings(client, auth, fair):
    first, second = fair.slots(count=2)
    auth.login(fair.candidate)
    page = client.get(booth_page(fair)).get_data(as_text=True)
    assert "Book a meeting" in page and f'id="slot-{second.id}"' in page

    response = client.post(f"{booth_page(fair)}/meetings/request", data={
        "slot_id": second.id, "note": "About the robotics role", "share_profile": "y"},
        follow_redirects=True)
    mine = response.get_data(as_text=True)
    assert "Your request is sent." in mine and "About the robotics role" in mine
    assert "Acme Robotics" in mine and "Requested" in mine
    assert f'id="slot-{second.id}"' not in client.get(booth_page(fair)).get_data(as_text=True)
    meeting = db.session.scalar(sa.select(Meeting))
    assert meeting.share_profile and meeting.slot_id == second.id
    # Taken meanwhile by someone else: a message, not an error page.
    again = client.post(f"{booth_page(fair)}/meetings/request", data={"slot_id": second.id},
                        follow_redirects=True)
    assert "Pick one of the free times." in again.get_data(as_text=True)


def test_staff_accept_open_the_chat_at_its_time_mark_it_held_and_move_into_a_role(
        client, auth, make, fair):
    role = make.job(company=fair.acme, title="Robotics Engineer")
    cv = make.cv(fair.candidate)
    db.session.add(CandidateProfile(user_id=fair.candidate.id, headline="Robot builder", cv=cv))
    db.session.commit()
    slot, = fair.slots()
    meeting = services.request_meeting(fair.candidate, slot.id, "Hi", share_profile=True)
    auth.login(fair.staff)
    requests = client.get(f"{booth_page(fair)}/meetings").get_data(as_text=True)
    assert "Chan Tai Man" in requests and "Shared their profile and CV" in requests

    done = client.post(f"/me/meetings/{meeting.id}/accept", follow_redirects=True)
    assert "Meeting accepted" in done.get_data(as_text=True)
    assert client.post(f"/me/meetings/{meeting.id}/chat", follow_redirects=True).status_code == 200
    assert meeting.conversation_id is None  # too early: the room opens ten minutes before

    started(meeting)
    opened = client.post(f"/me/meetings/{meeting.id}/chat")
    db.session.refresh(meeting)
    conversation = db.session.get(Conversation, meeting.conversation_id)
    assert opened.headers["Location"].endswith(
        f"{booth_page(fair)}/console?conversation={conversation.id}")
    assert conversation.status == ConversationStatus.ACTIVE and conversation.share_profile
    assert conversation.accepted_by_id == fair.staff.id
    context = client.get(f"{booth_page(fair)}/conversations/{conversation.id}/context").get_json()
    assert context["profile"]["headline"] == "Robot builder" and context["profile"]["cv_url"]
    assert f'data-open-conversation="{conversation.id}"' in client.get(
        opened.headers["Location"]).get_data(as_text=True)

    client.post(f"/me/meetings/{meeting.id}/held")
    db.session.refresh(meeting)
    assert meeting.status == MeetingStatus.HELD
    moved = client.post(f"/me/meetings/{meeting.id}/pipeline", data={"job_id": role.id})
    application = db.session.scalar(sa.select(Application))
    assert moved.headers["Location"].endswith(f"/employer/applications/{application.id}")
    assert application.status == ApplicationStatus.REVIEWING and application.cv_id == cv.id
    assert application.job_id == role.id and application.candidate_id == fair.candidate.id
    again = client.post(f"/me/meetings/{meeting.id}/pipeline", data={"job_id": role.id},
                        follow_redirects=True)
    assert "in that role&#39;s pipeline already" in again.get_data(as_text=True)
    stages = set(db.session.scalars(sa.select(FunnelEvent.stage).where(
        FunnelEvent.candidate_id == fair.candidate.id)))
    assert stages == {"requested", "accepted", "held", "applied"}
    auth.logout()

    # The candidate opens the same conversation, at the booth's chat panel.
    auth.login(fair.candidate)
    response = client.post(f"/me/meetings/{meeting.id}/chat")
    assert response.headers["Location"].endswith(f"{booth_page(fair)}#chat")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Conversation)) == 1


def test_the_candidate_marks_a_no_show_and_the_staffs_word_wins(client, auth, fair):
    slot, = fair.slots()
    meeting = services.request_meeting(fair.candidate, slot.id)
    services.accept(fair.staff, meeting.id)
    auth.login(fair.candidate)
    early = client.post(f"/me/meetings/{meeting.id}/no-show", follow_redirects=True)
    assert "Mark the meeting once its time has come." in early.get_data(as_text=True)
    started(meeting)
    client.post(f"/me/meetings/{meeting.id}/no-show")
    db.session.refresh(meeting)
    assert meeting.status == MeetingStatus.NO_SHOW
    auth.logout()
    auth.login(fair.staff)
    client.post(f"/me/meetings/{meeting.id}/held")
    db.session.refresh(meeting)
    assert meeting.status == MeetingStatus.HELD and meeting.candidate_says_held is False
    auth.logout()
    auth.login(fair.rival)
    assert client.post(f"/me/meetings/{meeting.id}/held").status_code == 404
    assert client.post(f"/me/meetings/{meeting.id}/chat").status_code == 404
    assert client.post(f"/me/meetings/{meeting.id}/pipeline", data={"job_id": 1}).status_code \
        == 404


def test_decline_needs_a_reason_and_my_meetings_lists_staff_booths(client, auth, fair):
    slot, = fair.slots()
    meeting = services.request_meeting(fair.candidate, slot.id)
    auth.login(fair.staff)
    page = client.get("/me/meetings").get_data(as_text=True)
    assert "Slots and requests at I&amp;T Career Expo 2026" in page and "Chan Tai Man" in page
    empty = client.post(f"/me/meetings/{meeting.id}/decline", data={"reason": ""},
                        follow_redirects=True)
    assert "This field is required." in empty.get_data(as_text=True)
    client.post(f"/me/meetings/{meeting.id}/decline", data={"reason": "Roles filled"})
    db.session.refresh(meeting)
    assert meeting.status == MeetingStatus.DECLINED and meeting.reason == "Roles filled"


def test_my_meetings_is_empty_and_says_so(client, auth, fair):
    auth.login(fair.candidate)
    page = client.get("/me/meetings").get_data(as_text=True)
    assert "No meetings coming up." in page and "You can ask for 5 more meetings today." in page
    assert client.get(booth_page(fair)).status_code == 200
    assert "No free meeting times at the moment." in client.get(booth_page(fair)).get_data(
        as_text=True)
