"""Candidates ask for slots; the booth's staff answer; either side cancels or moves a
meeting. Anyone else gets a 404, and the funnel counts each step."""

import sqlalchemy as sa
from icalendar import Calendar

from careerexpo.extensions import db
from careerexpo.matchmaking.models import FunnelEvent
from careerexpo.meetings.models import Meeting


def ask(client, slot, note="Keen on robotics", **extra):
    return client.post("/api/v1/meetings", json={"slot_id": slot.id, "note": note, **extra})


def stages(fair) -> list[str]:
    return sorted(db.session.scalars(sa.select(FunnelEvent.stage).where(
        FunnelEvent.booth_id == fair.booth.id, FunnelEvent.candidate_id == fair.candidate.id)))


def test_a_candidate_requests_a_slot_and_staff_accept_it(client, auth, fair):
    slot, = fair.slots()
    auth.login(fair.candidate)
    response = ask(client, slot, share_profile=True)

    assert response.status_code == 201
    meeting = response.get_json()
    assert meeting["status"] == "requested" and meeting["note"] == "Keen on robotics"
    assert meeting["booth"] == {"id": fair.booth.id, "company": "Acme Robotics"}
    assert meeting["candidate"] == {"id": fair.candidate.id, "name": "Chan Tai Man"}
    assert meeting["slot"]["id"] == slot.id and meeting["slot"]["starts"].endswith("+08:00")
    assert meeting["created_at"][-6:] == "+08:00"
    slots = client.get(fair.slots_url).get_json()["items"]
    assert slots[0]["available"] is False
    auth.logout()

    auth.login(fair.staff)
    assert [m["id"] for m in client.get("/api/v1/meetings").get_json()["items"]] == \
        [meeting["id"]]
    accepted = client.post(f"/api/v1/meetings/{meeting['id']}/accept")
    assert accepted.status_code == 200 and accepted.get_json()["status"] == "accepted"
    assert stages(fair) == ["accepted", "requested"]


def test_other_companies_staff_and_other_candidates_get_404(client, auth, fair):
    slot, = fair.slots()
    auth.login(fair.candidate)
    meeting_id = ask(client, slot).get_json()["id"]
    auth.logout()
    actions = ["accept", "decline", "cancel"]

    for outsider in (fair.rival, fair.other):
        auth.login(outsider)
        for action in actions:
            assert client.post(f"/api/v1/meetings/{meeting_id}/{action}").status_code == 404
        assert client.post(f"/api/v1/meetings/{meeting_id}/reschedule",
                           json={"slot_id": slot.id}).status_code == 404
        assert client.get(f"/api/v1/meetings/{meeting_id}.ics").status_code == 404
        assert client.get("/api/v1/meetings").get_json()["items"] == []
        assert client.post(f"/me/meetings/{meeting_id}/accept").status_code == 404
        auth.logout()
    # The candidate cannot answer their own request either.
    auth.login(fair.candidate)
    assert client.post(f"/api/v1/meetings/{meeting_id}/accept").status_code == 404
    assert db.session.get(Meeting, meeting_id).status.value == "requested"
    assert client.post("/api/v1/meetings/999999/cancel").status_code == 404


def test_a_held_slot_and_a_clashing_time_are_refused(client, auth, fair):
    first, second = fair.slots(count=2, minutes=30)
    (same_time,) = fair.slots(booth=fair.rival_booth, hour=10, minute=45, minutes=30)
    auth.login(fair.other)
    assert ask(client, first).status_code == 201
    auth.logout()

    auth.login(fair.candidate)
    taken = ask(client, first)
    assert taken.status_code == 409 and taken.get_json()["error"]["parameter"] == "slot_id"
    assert ask(client, second).status_code == 201
    clash = ask(client, same_time)  # another booth's 10:45, inside their 10:30-11:00
    assert clash.status_code == 409
    assert "another meeting at that time" in clash.get_json()["error"]["message"]


def test_bad_requests_name_the_field(client, auth, fair):
    slot, = fair.slots()
    auth.login(fair.candidate)
    assert client.post("/api/v1/meetings", json={"note": "hi"}).get_json()[
        "error"]["parameter"] == "slot_id"
    assert client.post("/api/v1/meetings", json={"slot_id": "x"}).status_code == 400
    long_note = ask(client, slot, note="x" * 501)
    assert long_note.status_code == 400 and long_note.get_json()["error"]["parameter"] == "note"
    assert client.post("/api/v1/meetings", json={"slot_id": 424242}).status_code == 404
    auth.logout()
    auth.login(fair.staff)  # staff do not request meetings
    assert ask(client, slot).status_code == 404
    assert Meeting.query.count() == 0


def test_the_daily_request_limit_answers_429_and_the_page_counts_down(app, client, auth, fair):
    app.config["MEETING_REQUESTS_PER_DAY"] = 2
    slots = fair.slots(count=3, minutes=10)
    auth.login(fair.candidate)
    booth_page = f"/expos/{fair.expo.slug}/booths/{fair.booth.id}"
    assert "You can ask for 2 more meetings today." in client.get(booth_page).get_data(
        as_text=True)
    assert ask(client, slots[0]).status_code == 201
    meeting = client.get("/api/v1/meetings").get_json()["items"][0]
    client.post(f"/api/v1/meetings/{meeting['id']}/cancel")  # a cancelled one still counts
    assert ask(client, slots[1]).status_code == 201
    assert "You can ask for 0 more meetings today." in client.get("/me/meetings").get_data(
        as_text=True)

    refused = ask(client, slots[2])
    assert refused.status_code == 429
    assert "ask again tomorrow" in refused.get_json()["error"]["message"]


def test_staff_decline_with_a_reason_and_the_slot_returns(client, auth, fair):
    slot, = fair.slots()
    auth.login(fair.candidate)
    meeting_id = ask(client, slot).get_json()["id"]
    auth.logout()
    auth.login(fair.staff)
    declined = client.post(f"/api/v1/meetings/{meeting_id}/decline",
                           json={"reason": "We only hire seniors this year"})
    assert declined.get_json()["status"] == "declined"
    assert declined.get_json()["reason"] == "We only hire seniors this year"
    assert client.get(fair.slots_url).get_json()["items"][0]["available"] is True
    assert client.post(f"/api/v1/meetings/{meeting_id}/accept").status_code == 409
    auth.logout()
    auth.login(fair.other)
    assert ask(client, slot).status_code == 201


def test_either_side_reschedules_within_the_booth_and_cancels(client, auth, fair):
    first, second, third = fair.slots(count=3)
    (elsewhere,) = fair.slots(booth=fair.rival_booth, hour=15)
    auth.login(fair.candidate)
    meeting_id = ask(client, first).get_json()["id"]
    auth.logout()
    auth.login(fair.staff)
    client.post(f"/api/v1/meetings/{meeting_id}/accept")
    moved = client.post(f"/api/v1/meetings/{meeting_id}/reschedule", json={"slot_id": second.id})
    assert moved.status_code == 200
    assert moved.get_json()["slot"]["id"] == second.id
    assert moved.get_json()["status"] == "accepted"  # staff moved it: still agreed
    auth.logout()

    auth.login(fair.candidate)
    wrong_booth = client.post(f"/api/v1/meetings/{meeting_id}/reschedule",
                              json={"slot_id": elsewhere.id})
    assert wrong_booth.status_code == 400
    assert wrong_booth.get_json()["error"]["parameter"] == "slot_id"
    again = client.post(f"/api/v1/meetings/{meeting_id}/reschedule", json={"slot_id": third.id})
    assert again.get_json()["status"] == "requested"  # the staff answer the new time
    assert again.get_json()["sequence"] == 3
    free = {s["id"]: s["available"] for s in client.get(fair.slots_url).get_json()["items"]}
    assert free == {first.id: True, second.id: True, third.id: False}
    cancelled = client.post(f"/api/v1/meetings/{meeting_id}/cancel",
                            json={"reason": "Found a job"})
    assert cancelled.get_json()["status"] == "cancelled"
    assert client.post(f"/api/v1/meetings/{meeting_id}/cancel").status_code == 409


def test_the_calendar_file_keeps_its_uid_and_raises_its_sequence(client, auth, fair):
    first, second = fair.slots(count=2)
    auth.login(fair.candidate)
    meeting_id = ask(client, first).get_json()["id"]

    def calendar():
        response = client.get(f"/api/v1/meetings/{meeting_id}.ics")
        assert response.status_code == 200 and response.mimetype == "text/calendar"
        cal = Calendar.from_ical(response.data)
        (event,) = cal.walk("VEVENT")
        return cal, event

    cal, event = calendar()
    uid = str(event["UID"])
    assert str(cal["METHOD"]) == "REQUEST" and int(event["SEQUENCE"]) == 0
    assert event.decoded("DTSTART") == first.starts_at
    assert event.walk("VALARM"), "a reminder alarm"
    client.post(f"/api/v1/meetings/{meeting_id}/reschedule", json={"slot_id": second.id})
    cal, event = calendar()
    assert str(event["UID"]) == uid and int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART") == second.starts_at
    client.post(f"/api/v1/meetings/{meeting_id}/cancel")
    cal, event = calendar()
    assert str(cal["METHOD"]) == "CANCEL" and str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == uid and int(event["SEQUENCE"]) == 2
    auth.logout()
    auth.login(fair.staff)
    assert client.get(f"/api/v1/meetings/{meeting_id}.ics").status_code == 200


def test_signed_out_visitors_get_401_and_posts_need_the_csrf_token(app, client, auth, fair):
    slot, = fair.slots()
    assert client.get("/api/v1/meetings").status_code == 401
    assert ask(client, slot).status_code == 401
    app.config["WTF_CSRF_ENABLED"] = True
    auth_client = app.test_client()
    page = auth_client.get("/auth/login").get_data(as_text=True)
    token = page.split('name="csrf-token" content="')[1].split('"')[0]
    auth_client.post("/auth/login", data={"email": fair.candidate.email,
                                          "password": "correct horse battery",
                                          "csrf_token": token})
    assert ask(auth_client, slot).status_code == 400  # no X-CSRFToken
    with_token = auth_client.post("/api/v1/meetings", json={"slot_id": slot.id},
                                  headers={"X-CSRFToken": token})
    assert with_token.status_code == 201
