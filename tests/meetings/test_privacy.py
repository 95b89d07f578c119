"""Meetings in a person's copy of their data, and what deleting an account does to them."""

from careerexpo.extensions import db
from careerexpo.meetings import services, slots
from careerexpo.meetings.models import MeetingStatus
from tests.factories import PASSWORD


def test_the_export_lists_the_candidates_meetings(client, auth, fair):
    slot, = fair.slots()
    services.request_meeting(fair.candidate, slot.id, "About robotics", share_profile=True)
    auth.login(fair.candidate)

    (meeting,) = client.get("/me/privacy/export.json").get_json()["meetings"]
    assert meeting["company"] == "Acme Robotics" and meeting["note"] == "About robotics"
    assert meeting["status"] == "requested" and meeting["as"] == "candidate"
    assert meeting["starts"] == slot.starts_at.isoformat() and meeting["shared_profile"]


def test_deleting_the_account_calls_off_its_meetings_and_frees_the_slots(client, auth, fair):
    slot, = fair.slots()
    meeting = services.request_meeting(fair.candidate, slot.id, "My phone is 9123 4567")
    auth.login(fair.candidate)

    client.post("/me/privacy/delete", data={"delete-password": PASSWORD})

    db.session.refresh(meeting)
    assert meeting.status == MeetingStatus.CANCELLED and meeting.note == ""
    assert slots.free_slots(fair.booth) == [slot]
