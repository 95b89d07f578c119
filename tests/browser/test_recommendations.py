"""A job seeker reads their recommended roles with the reasons, opens one, dismisses
another, and goes from one to a meeting request at its booth; the pages pass axe in every
language."""

from datetime import timedelta

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from careerexpo.booths.models import BoothStaff
from careerexpo.candidates.services import update_profile
from careerexpo.core.database import utcnow
from careerexpo.core.hktime import HONG_KONG
from careerexpo.extensions import db
from careerexpo.matchmaking import funnel
from careerexpo.matchmaking.models import FunnelEvent, FunnelStage
from careerexpo.meetings import slots
from careerexpo.privacy.consents import set_consents
from careerexpo.privacy.models import ConsentKind
from tests import factories

pytestmark = pytest.mark.browser


@pytest.fixture
def seeker(live_server):
    company = factories.company(name="Harbour Data")
    expo = factories.expo(slug="it-expo", companies=[company])
    data = factories.job(company=company, title="Data Engineer",
                         description="Python and SQL pipelines for our analytics platform.")
    factories.job(company=factories.company(name="Kowloon AI"), title="Python Developer",
                  description="Django services in Python.", level="middle")
    candidate = factories.candidate(name="Chan Siu Ming")
    update_profile(candidate, candidate.name, "Data engineer", "Python, SQL", "bachelor",
                   ["hong_kong"], wanted_levels=["entry"])
    return {"candidate": candidate, "job": data, "expo": expo}


def test_reasons_open_and_dismiss(page, sign_in, seeker, browser_errors, tmp_path,
                                  live_server):
    sign_in(seeker["candidate"])
    page.get_by_role("link", name="Recommended for you").click()

    expect(page.get_by_role("heading", name="Recommended for you", level=1)).to_be_visible()
    first = page.locator(".recommendations > li").first
    expect(first.get_by_role("heading", name="Data Engineer")).to_be_visible()
    expect(first.get_by_text("Python and SQL in what the role asks for")).to_be_visible()
    expect(first.get_by_text("Entry level, as you asked")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=str(tmp_path / "recommendations-desktop.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(tmp_path / "recommendations-390.png"), full_page=True)

    page.locator(".recommendations > li", has_text="Python Developer").get_by_role(
        "button", name="Not for me").click()
    expect(page.get_by_role("status")).to_contain_text("You will not be shown that role again.")
    expect(page.get_by_role("heading", name="Python Developer")).to_have_count(0)

    first.get_by_role("link", name="Visit the booth to chat or book a meeting").click()
    expect(page).to_have_url(f"{live_server.url}/expos/it-expo/booths/"
                             f"{seeker['expo'].booths[0].id}")
    page.go_back()
    page.get_by_role("link", name="Data Engineer").click()
    expect(page).to_have_url(f"{live_server.url}/jobs/{seeker['job'].id}")
    assert browser_errors == []


@pytest.mark.parametrize("lang", ["en", "zh_Hant_HK", "zh_Hans_CN"])
def test_the_page_passes_axe(page, sign_in, seeker, axe, lang):
    sign_in(seeker["candidate"])
    assert axe(f"/me/recommendations?lang={lang}") == []
    assert axe(f"/me/recommendations?expo=it-expo&lang={lang}") == []


def test_staff_suggestions_and_the_organisers_funnel_pass_axe(page, sign_in, seeker, axe,
                                                              tmp_path):

    set_consents(seeker["candidate"], {ConsentKind.MATCHMAKING: True})
    booth = seeker["expo"].booths[0]
    for stage in (FunnelStage.RECOMMENDED, FunnelStage.VIEWED, FunnelStage.APPLIED):
        funnel.record(stage, booth_id=booth.id, candidate_id=seeker["candidate"].id)
    db.session.commit()
    staff = factories.employer(company=booth.company)

    sign_in(staff)
    url = f"/expos/it-expo/booths/{booth.id}/suggested-candidates"
    assert axe(url) == []
    expect(page.get_by_role("heading", name="Chan Siu Ming")).to_be_visible()
    page.click("text=Sign out")

    sign_in(factories.organiser())
    assert axe("/expos/it-expo/activity") == []
    expect(page.get_by_role("heading", name="Matchmaking funnel")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("#matchmaking").screenshot(path=str(tmp_path / "funnel-desktop.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    page.locator("#matchmaking").screenshot(path=str(tmp_path / "funnel-390.png"))


def test_from_a_recommendation_to_a_meeting_request_at_the_booth(page, sign_in, live_app,
                                                                  fresh_session):
    staff = factories.employer(name="Wong Mei")
    factories.job(company=staff.company, title="Robotics Engineer",
                  description="ROS and Python on our warehouse robots.")
    expo = factories.expo(slug="robot-expo", companies=[staff.company])
    booth = expo.booths.first()
    db.session.add(BoothStaff(booth_id=booth.id, user_id=staff.id))
    db.session.commit()
    starts = utcnow().astimezone(HONG_KONG).replace(hour=11, minute=0, second=0,
                                                     microsecond=0) + timedelta(days=1)
    slots.publish(staff, booth, starts, 20, 2)
    candidate = factories.candidate(name="Lee Ka Yan")
    booth_id, candidate_id = booth.id, candidate.id
    update_profile(candidate, candidate.name, "Robotics graduate", "Python, ROS", "bachelor",
                   ["hong_kong"])
    sign_in(candidate)

    page.get_by_role("link", name="Recommended for you").click()
    card = page.locator(".recommendations > li", has_text="Robotics Engineer")
    expect(card.get_by_text("Python and ROS in what the role asks for")).to_be_visible()
    card.get_by_role("link", name="Visit the booth to chat or book a meeting").click()
    booking = page.get_by_role("region", name="Book a meeting")
    booking.get_by_role("radio").first.check()
    booking.get_by_label("A short note to the staff").fill("I saw your robotics role")
    booking.get_by_role("button", name="Request this meeting").click()

    expect(page.get_by_role("status")).to_contain_text("Your request is sent.")
    stages = set(fresh_session().scalars(sa.select(FunnelEvent.stage).where(
        FunnelEvent.booth_id == booth_id, FunnelEvent.candidate_id == candidate_id)))
    assert stages == {"recommended", "viewed", "requested"}
