"""Booked meetings in the browser: staff publish slots, a candidate asks for one from the
booth page, staff accept it and, once it took place, mark it held. axe checks each page."""

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from careerexpo.booths.models import BoothStaff
from careerexpo.core.database import utcnow
from careerexpo.core.hktime import HONG_KONG, today_hk
from careerexpo.extensions import db
from careerexpo.meetings import services, slots
from careerexpo.meetings.models import MeetingSlot
from tests import factories
from tests.browser.helpers import sign_in_on

pytestmark = pytest.mark.browser
SHOTS = "/tmp/careerexpo-meetings"


@pytest.fixture
def booth(live_server):
    staff = factories.employer(name="Wong Mei")
    factories.job(company=staff.company, title="Robotics Engineer")
    expo = factories.expo(slug="it-expo", companies=[staff.company])
    booth = expo.booths.first()
    db.session.add(BoothStaff(booth_id=booth.id, user_id=staff.id))
    db.session.commit()
    return booth, staff


def test_a_candidate_books_a_meeting_and_staff_accept_it_and_mark_it_held(
        page: Page, staff_page: Page, booth, fresh_session, browser_errors):
    booth, staff = booth
    path = f"/expos/it-expo/booths/{booth.id}"
    tomorrow = (today_hk() + timedelta(days=1)).isoformat()

    sign_in_on(staff_page, staff)
    staff_page.goto(path)
    staff_page.get_by_role("link", name="Slots and meeting requests").click()
    staff_page.get_by_label("Day", exact=True).fill(tomorrow)
    staff_page.get_by_label("First slot starts at (Hong Kong time)").fill("14:00")
    staff_page.get_by_label("Minutes each").fill("30")
    staff_page.get_by_label("Slots back to back").fill("2")
    staff_page.get_by_role("button", name="Publish").click()
    expect(staff_page.get_by_role("status")).to_contain_text("2 slots published.")

    candidate = factories.candidate(name="Chan Tai Man")
    sign_in_on(page, candidate)
    page.goto(path)
    booking = page.get_by_role("region", name="Book a meeting")
    expect(booking).to_contain_text("You can ask for 5 more meetings today.")
    booking.get_by_label("2:30 PM – 3:00 PM", exact=False).check()
    booking.get_by_label("A short note to the staff").fill("About the robotics role")
    booking.get_by_label("Let the staff see my profile and CV").check()
    booking.get_by_role("button", name="Request this meeting").click()
    expect(page.get_by_role("status")).to_contain_text("Your request is sent.")
    expect(page.get_by_role("heading", level=1)).to_have_text("My meetings")
    coming = page.get_by_role("region", name="Coming up")
    expect(coming).to_contain_text("Requested")
    expect(coming).to_contain_text("About the robotics role")

    staff_page.reload()
    requests = staff_page.get_by_role("region", name="Requests and meetings to come")
    expect(requests).to_contain_text("Chan Tai Man")
    requests.get_by_role("button", name="Accept").click()
    expect(staff_page.get_by_role("status")).to_contain_text("Meeting accepted")

    # Time passes: the meeting's slot is now under way.
    session = fresh_session()
    slot = session.scalars(MeetingSlot.__table__.select().order_by(MeetingSlot.starts_at.desc())
                           .with_only_columns(MeetingSlot.id)).first()
    session.get(MeetingSlot, slot).starts_at = utcnow() - timedelta(minutes=5)
    session.commit()
    staff_page.goto("/me/meetings")
    expect(staff_page.get_by_role("button", name="Open the meeting chat")).to_be_visible()
    staff_page.get_by_role("button", name="Mark as held").click()
    expect(staff_page.get_by_role("status")).to_contain_text("Marked as held.")
    expect(staff_page.get_by_role("region", name="Earlier and ended")).to_contain_text("Held")

    page.reload()
    expect(page.get_by_role("region", name="Earlier and ended")).to_contain_text("Held")
    for width, name in ((1280, "desktop"), (390, "narrow")):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"{SHOTS}-mine-{name}.png", full_page=True)
        staff_page.set_viewport_size({"width": width, "height": 900})
        staff_page.goto(f"{path}/meetings")
        staff_page.screenshot(path=f"{SHOTS}-booth-{name}.png", full_page=True)
    assert browser_errors == []


def test_the_meeting_pages_pass_axe(page: Page, axe, sign_in, booth, live_app):
    booth, staff = booth
    path = f"/expos/it-expo/booths/{booth.id}"
    starts = utcnow().astimezone(HONG_KONG).replace(hour=11, minute=0, second=0,
                                                     microsecond=0) + timedelta(days=1)
    first, _second = slots.publish(staff, booth, starts, 20, 2)
    candidate = factories.candidate()
    with live_app.test_request_context():  # the emails link to the site
        services.request_meeting(candidate, first.id, "Hello")
    sign_in(candidate)
    found = {p: axe(p) for p in (path, "/me/meetings")}
    page.context.clear_cookies()
    sign_in(staff)
    found.update({p: axe(p) for p in ("/me/meetings", f"{path}/meetings")})
    assert {p: v for p, v in found.items() if v} == {}
