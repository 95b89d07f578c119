"""Booth staff take back a slot nobody asked for; one with a request stays, and nobody
else can take back a booth's slots."""

import sqlalchemy as sa

from careerexpo.extensions import db
from careerexpo.meetings import services
from careerexpo.meetings.models import MeetingSlot
from tests.meetings.conftest import SLUG


def withdraw_url(fair, slot, booth=None):
    booth = booth or fair.booth
    return f"/expos/{SLUG}/booths/{booth.id}/meetings/slots/{slot.id}/withdraw"


def test_staff_withdraw_a_free_slot_and_candidates_no_longer_see_it(app, client, auth, fair):
    first, second = fair.slots(count=2)
    first_id, second_id = first.id, second.id
    auth.login(fair.staff)
    page = client.post(withdraw_url(fair, first), follow_redirects=True).get_data(as_text=True)
    assert "The slot is withdrawn." in page
    assert db.session.scalars(sa.select(MeetingSlot.id)).all() == [second_id]
    auth.logout()
    # A fresh context, as a new request has: the signed-in user is not carried over.
    with app.app_context():
        auth.login(fair.candidate)
        booth = client.get(f"/expos/{SLUG}/booths/{fair.booth.id}").get_data(as_text=True)
    assert f'id="slot-{first_id}"' not in booth and f'id="slot-{second_id}"' in booth


def test_a_slot_someone_asked_for_stays_and_its_request_is_kept(client, auth, fair):
    slot, = fair.slots()
    meeting = services.request_meeting(fair.candidate, slot.id, "Hello", share_profile=False)
    auth.login(fair.staff)
    page = client.post(withdraw_url(fair, slot), follow_redirects=True).get_data(as_text=True)
    assert "Someone has asked for this slot, so it stays" in page
    assert db.session.get(MeetingSlot, slot.id) is not None
    assert services.meetings_of(fair.candidate)[0].id == meeting.id


def test_another_company_or_a_candidate_gets_404_and_the_slot_stays(app, client, auth, fair):
    slot, = fair.slots()
    rival_slot, = fair.slots(booth=fair.rival_booth)
    auth.login(fair.rival)
    assert client.post(withdraw_url(fair, slot)).status_code == 404
    # Their own booth's address with our slot's id is no way round it either.
    assert client.post(withdraw_url(fair, slot, booth=fair.rival_booth)).status_code == 404
    auth.logout()
    with app.app_context():
        auth.login(fair.candidate)
        assert client.post(withdraw_url(fair, slot)).status_code == 404
    assert {s for s in db.session.scalars(sa.select(MeetingSlot.id))} == {slot.id, rival_slot.id}
