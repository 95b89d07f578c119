"""Times read in Hong Kong time everywhere; a reader on another clock also sees their own."""

from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Page, expect

from careerexpo.extensions import db
from careerexpo.presentations.models import Presentation
from tests import factories

pytestmark = pytest.mark.browser


@pytest.fixture
def agenda(live_server):
    company = factories.company(name="Tidewell Sensors")
    expo = factories.expo(companies=[company])
    booth = expo.booths.first()
    starts = datetime.now(UTC).replace(hour=6, minute=15, second=0, microsecond=0) + timedelta(
        days=1)  # 2:15 pm in Hong Kong
    db.session.add(Presentation(booth_id=booth.id, title="Sensors at sea", abstract="",
                                starts_at=starts, duration_minutes=30))
    db.session.commit()
    return f"/expos/{expo.slug}/booths/{booth.id}"


@pytest.fixture
def london(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB",
                                  timezone_id="Europe/London")
    try:
        yield context.new_page()
    finally:
        context.close()


def test_a_reader_in_london_sees_their_own_time_beside_hong_kongs(london: Page, agenda):
    london.goto(agenda)
    talk = london.locator("#presentations li").first

    expect(talk.locator("time")).to_contain_text("2:15 PM")  # Hong Kong time, as written
    expect(talk.locator(".local-time")).to_contain_text("your time")
    expect(talk.locator(".local-time")).to_contain_text("6:15 am")
    expect(talk.locator(".local-time")).to_contain_text("GMT")


def test_a_reader_in_hong_kong_sees_one_time(page: Page, agenda):
    page.goto(agenda)

    expect(page.locator("#presentations time").first).to_contain_text("2:15 PM")
    expect(page.locator(".local-time")).to_have_count(0)
