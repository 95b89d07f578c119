"""Anyone opens an expo's figures; an organiser prints them. In a real chromium."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests import factories

pytestmark = pytest.mark.browser
SLUG = "hk-it-2026"


@pytest.fixture
def expo(live_server):
    """Ten open roles at two exhibitors: six InnoHK AI roles, four biotech roles."""
    lab = factories.company(name="Harbour AI Lab", programme="innohk",
                            offices=("hong_kong", "gba"))
    bio = factories.company(name="Kowloon Bio", offices=("hong_kong",))
    for n in range(6):
        factories.job(company=lab, title=f"ML Engineer {n}", area="ai_data_analytics",
                      open_to_overseas=True, function="research_development")
    for n in range(4):
        factories.job(company=bio, title=f"Lab Scientist {n}", area="biotech", level="middle",
                      degree="doctorate")
    return factories.expo(slug=SLUG, name="I&T Career Expo 2026", companies=[lab, bio])


def headline(page: Page):
    return page.get_by_role("region", name="Key figures and highlights")


def test_a_visitor_reads_the_figures_and_narrows_them_to_an_area(page: Page, expo,
                                                                browser_errors):
    response = page.goto(f"/expos/{SLUG}/stats")
    assert "script-src 'self'" in response.headers["content-security-policy"]

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "I&T Career Expo 2026: key figures")
    expect(headline(page)).to_contain_text("10 job opportunities (InnoHK: 6; INNOPARK: 0)")
    expect(headline(page)).to_contain_text("2 tech companies participating")
    expect(headline(page)).to_contain_text(
        "60%+ open jobs for overseas and the Greater Bay Area's talent")
    # Chart.js, served by the app, drew every chart on a canvas with real pixels.
    expect(page.locator("canvas[data-chart=drawn]")).to_have_count(8)
    areas = page.locator("#chart-areas")
    assert page.evaluate("id => !!window.Chart.getChart(document.getElementById(id))",
                         "chart-areas")
    assert areas.bounding_box()["width"] > 200
    assert page.evaluate("""() => {
      const c = document.getElementById("chart-levels");
      const pixels = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      return pixels.some(value => value !== 0);
    }""")
    table = page.get_by_role("table", name=re.compile("Roles by area"))
    expect(table.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="AI & data analytics"))).to_contain_text("6")

    page.get_by_label("Area", exact=True).select_option(label="Biotech")
    page.get_by_role("button", name="Show figures").click()

    expect(page).to_have_url(re.compile(r"[?&]area=biotech"))
    expect(headline(page)).to_contain_text("4 job opportunities (InnoHK: 0; INNOPARK: 0)")
    expect(headline(page)).to_contain_text("1 tech company participating")
    expect(headline(page)).to_contain_text("0%+ jobs at entry level, 100%+ at middle level")
    expect(headline(page)).to_contain_text("Figures for the area “Biotech” only.")
    expect(page.get_by_label("Area", exact=True)).to_have_value("biotech")
    expect(page.locator("canvas[data-chart=drawn]")).to_have_count(8)
    # Downloads are for organisers.
    expect(page.get_by_role("link", name="Download CSV")).to_have_count(0)
    assert browser_errors == []


def test_an_organiser_opens_the_print_summary_which_prints_without_the_site_chrome(
        page: Page, expo, sign_in, browser_errors):
    sign_in(factories.organiser())
    page.goto(f"/expos/{SLUG}/stats?programme=innohk")

    expect(page.get_by_role("link", name="Download CSV")).to_have_attribute(
        "href", f"/expos/{SLUG}/stats.csv?programme=innohk")
    page.get_by_role("link", name="Print summary").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "I&T Career Expo 2026 key figures and highlights:")
    expect(page.get_by_role("list").filter(has_text="job opportunit")).to_contain_text(
        "6 job opportunities (InnoHK: 6; INNOPARK: 0)")
    expect(page.get_by_role("button", name="Print this page")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Print this page")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert browser_errors == []


def test_live_activity_writes_counts_and_days_the_readers_way(page: Page, live_server,
                                                            sign_in, browser_errors):
    from datetime import timedelta

    import sqlalchemy as sa

    from careerexpo.booths.models import BoothVisit
    from careerexpo.core.hktime import today_hk
    from careerexpo.extensions import db

    today = today_hk()
    company = factories.company(name="Crowded Booth Ltd")
    expo = factories.expo(slug="busy-fair", name="Busy Fair", companies=[company],
                          starts_on=today, ends_on=today + timedelta(days=1))
    booth = expo.booths.one()
    db.session.execute(sa.insert(BoothVisit), [
        {"booth_id": booth.id, "visitor": f"s{n}", "day": today} for n in range(1234)])
    db.session.commit()
    sign_in(factories.organiser())

    page.goto("/expos/busy-fair/activity")
    expect(page.locator("[data-figure=booth_visits]")).to_have_text("1,234")
    first_day = page.locator("[data-by-day] th")  # the day table's row headers
    expect(first_day.first).to_have_text(re.compile(rf"^{today:%b} {today.day}, {today.year}$"))

    page.goto("/expos/busy-fair/activity?lang=zh_Hant_HK")
    expect(page.locator("[data-figure=booth_visits]")).to_have_text("1,234")
    expect(first_day.first).to_have_text(f"{today.year}年{today.month}月{today.day}日")
