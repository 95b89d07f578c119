"""Booth staff publish meeting slots inside the expo's matchmaking window; nobody else can."""

from datetime import timedelta

from careerexpo.meetings.models import MeetingSlot
from tests.meetings.conftest import SLUG, tomorrow_at


def publish(client, fair, **body):
    return client.post(fair.slots_url, json={"starts": tomorrow_at(10).isoformat(),
                                             "duration_minutes": 20, **body})


def test_staff_publish_back_to_back_slots_and_anyone_sees_them_in_order(client, auth, fair):
    auth.login(fair.staff)
    response = publish(client, fair, count=3)

    assert response.status_code == 201
    items = response.get_json()["items"]
    assert [item["starts"][11:16] for item in items] == ["10:00", "10:20", "10:40"]
    assert items[0]["starts"].endswith("+08:00") and items[-1]["ends"][11:16] == "11:00"
    auth.logout()
    listed = client.get(fair.slots_url).get_json()["items"]
    assert [s["id"] for s in listed] == [s["id"] for s in items]
    assert all(s["available"] for s in listed)


def test_only_the_booths_own_staff_may_publish(client, auth, fair):
    assert publish(client, fair).status_code == 401
    auth.login(fair.rival)  # another company's recruiter
    assert publish(client, fair).status_code == 404
    auth.logout()
    auth.login(fair.candidate)
    assert publish(client, fair).status_code == 404
    assert MeetingSlot.query.count() == 0


def test_overlapping_slots_of_one_booth_are_refused(client, auth, fair):
    auth.login(fair.staff)
    assert publish(client, fair, count=2).status_code == 201  # 10:00-10:40

    overlapping = client.post(fair.slots_url, json={
        "starts": tomorrow_at(10, 30).isoformat(), "duration_minutes": 30})
    assert overlapping.status_code == 409
    assert overlapping.get_json()["error"]["parameter"] == "starts"
    # Right after the last one is fine, and another booth's times are its own business.
    assert client.post(fair.slots_url, json={"starts": tomorrow_at(10, 40).isoformat(),
                                             "duration_minutes": 10}).status_code == 201
    assert MeetingSlot.query.count() == 3


def test_bad_slots_are_refused_naming_the_field(client, auth, fair):
    auth.login(fair.staff)
    assert publish(client, fair, duration_minutes=5).get_json()["error"]["parameter"] == \
        "duration_minutes"
    assert publish(client, fair, duration_minutes=61).status_code == 400
    assert publish(client, fair, count=0).get_json()["error"]["parameter"] == "count"
    naive = client.post(fair.slots_url, json={"starts": "2026-12-04T10:00:00",
                                              "duration_minutes": 20})
    assert naive.status_code == 400 and naive.get_json()["error"]["parameter"] == "starts"
    past = publish(client, fair, starts=(tomorrow_at(10) - timedelta(days=3)).isoformat())
    assert past.status_code == 400 and past.get_json()["error"]["parameter"] == "starts"
    # The window runs to a week after the fair's last day, and no further.
    last_day = fair.expo.ends_on + timedelta(days=7)
    inside = publish(client, fair, starts=f"{last_day.isoformat()}T23:00:00+08:00")
    outside = publish(client, fair, starts=f"{(last_day + timedelta(days=1)).isoformat()}"
                                           "T09:00:00+08:00")
    assert inside.status_code == 201
    assert outside.status_code == 400 and outside.get_json()["error"]["parameter"] == "starts"
    assert client.post(fair.slots_url, data="x").status_code == 400
    assert MeetingSlot.query.count() == 1


def test_the_organiser_moves_the_matchmaking_window_on_the_expo_form(client, auth, make, fair):
    auth.login(make.organiser())
    response = client.post(f"/expos/{SLUG}/edit", data={
        "name": fair.expo.name, "slug": SLUG, "starts_on": fair.expo.starts_on.isoformat(),
        "ends_on": fair.expo.ends_on.isoformat(),
        "matchmaking_ends_on": (fair.expo.ends_on + timedelta(days=14)).isoformat()})
    assert response.status_code == 302
    assert fair.expo.meetings_until == fair.expo.ends_on + timedelta(days=14)


def test_staff_publish_on_their_page_and_see_a_form_error_for_an_overlap(client, auth, fair):
    auth.login(fair.staff)
    page = f"/expos/{SLUG}/booths/{fair.booth.id}/meetings"
    form = {"day": tomorrow_at(10).date().isoformat(), "start": "10:00",
            "duration_minutes": "30", "count": "2"}
    done = client.post(page, data=form, follow_redirects=True).get_data(as_text=True)
    assert "2 slots published." in done and done.count("Free") == 2

    again = client.post(page, data={**form, "start": "10:45"})
    assert again.status_code == 200
    assert "These times overlap a slot the booth already has." in again.get_data(as_text=True)
    assert client.get(f"/expos/{SLUG}/booths/{fair.rival_booth.id}/meetings").status_code == 404
