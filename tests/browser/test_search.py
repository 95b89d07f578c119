"""A visitor searches for jobs on /jobs: keywords, filters, pages, Chinese, no match."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests import factories

pytestmark = pytest.mark.browser


def results(page: Page):
    return page.get_by_role("region", name="role")


def cards(page: Page):
    """One level-3 heading per job card, as a screen reader lists them."""
    return results(page).get_by_role("heading", level=3)


def expect_current_page(page: Page, number: int):
    pager = page.get_by_role("navigation", name="Result pages")
    current = pager.get_by_role("link", name=str(number), exact=True)
    expect(current).to_have_attribute("aria-current", "page")


def query_of(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


@pytest.fixture
def data_roles(live_server):
    """22 data roles (15 entry level, 7 middle level) and a role that does not match."""
    company = factories.company(name="Harbour Analytics")
    for n in range(15):
        factories.job(company=company, title=f"Data Engineer {n + 1}", level="entry")
    for n in range(7):
        factories.job(company=company, title=f"Senior Data Analyst {n + 1}", level="middle")
    factories.job(company=company, title="Robotics Technician", area="robotics_automation",
                  description="Keep the robots running.")


def test_keyword_search_then_a_level_filter_narrows_results_in_a_shareable_url(
        page: Page, data_roles, browser_errors):
    response = page.goto("/jobs")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.get_by_role("heading", name="Find I&T jobs")).to_be_visible()
    expect(results(page).get_by_role("heading", level=2)).to_have_text("23 roles")

    page.get_by_label("Keywords").fill("data")
    page.get_by_label("Keywords").press("Enter")

    expect(page).to_have_title("Jobs matching “data” · CareerExpo")
    expect(results(page).get_by_role("heading", level=2)).to_have_text("22 roles for “data”")
    expect(cards(page)).to_have_count(20)
    expect(results(page).get_by_role("link", name="Robotics Technician")).to_have_count(0)
    assert query_of(page)["q"] == ["data"]

    # filters.js re-submits the form as soon as a filter changes: no button press needed.
    page.get_by_role("checkbox", name="Middle level").check()

    expect(results(page).get_by_role("heading", level=2)).to_have_text("7 roles for “data”")
    expect(cards(page)).to_have_count(7)
    expect(cards(page).first).to_contain_text("Senior Data Analyst")
    expect(page.get_by_role("checkbox", name="Middle level")).to_be_checked()
    expect(page.get_by_label("Keywords")).to_have_value("data")
    query = query_of(page)
    assert query["q"] == ["data"] and query["level"] == ["middle"]

    # The URL is the whole search: opened afresh, it shows the same results.
    shared = page.url
    page.goto("/jobs")
    page.goto(shared)
    expect(results(page).get_by_role("heading", level=2)).to_have_text("7 roles for “data”")
    expect(page.get_by_role("checkbox", name="Middle level")).to_be_checked()

    # So does a new sort order, keeping the filters.
    page.get_by_label("Sort by").select_option(label="Highest salary")
    expect(page).to_have_url(re.compile(r"[?&]sort=salary"))
    expect(page.get_by_label("Sort by")).to_have_value("salary")
    query = query_of(page)
    assert query["sort"] == ["salary"] and query["level"] == ["middle"] and query["q"] == ["data"]
    expect(results(page).get_by_role("heading", level=2)).to_have_text("7 roles for “data”")
    assert browser_errors == []


def test_more_than_twenty_results_continue_on_page_two(page: Page, data_roles, browser_errors):
    page.goto("/jobs?q=data")
    expect(cards(page)).to_have_count(20)
    expect_current_page(page, 1)

    page.get_by_role("navigation", name="Result pages").get_by_role("link", name="Next").click()

    expect(cards(page)).to_have_count(2)
    expect(results(page).get_by_role("heading", level=2)).to_have_text("22 roles for “data”")
    query = query_of(page)
    assert query["page"] == ["2"] and query["q"] == ["data"]
    expect_current_page(page, 2)
    pager = page.get_by_role("navigation", name="Result pages")
    expect(pager.get_by_role("link", name="Previous")).to_be_visible()
    expect(pager.get_by_role("link", name="Next")).to_have_count(0)
    assert browser_errors == []


def test_a_search_without_match_says_so_and_offers_a_way_out(page: Page, data_roles,
                                                             browser_errors):
    page.goto("/jobs")
    page.get_by_label("Keywords").fill("zebrafish")
    page.get_by_label("Keywords").press("Enter")

    expect(results(page).get_by_role("heading", level=2)).to_have_text("0 roles for “zebrafish”")
    expect(cards(page)).to_have_count(0)
    expect(results(page)).to_contain_text("No open role matches this search.")
    expect(results(page)).to_contain_text("Check the spelling")

    results(page).get_by_role("link", name="See every open role").click()

    expect(results(page).get_by_role("heading", level=2)).to_have_text("23 roles")
    assert browser_errors == []


def test_a_chinese_query_finds_a_role_with_a_chinese_title(page: Page, data_roles,
                                                           browser_errors):
    factories.job(title="高級軟件工程師", description="負責設計及開發雲端平台。", level="senior")
    page.goto("/jobs")

    page.get_by_label("Keywords").fill("軟件")
    page.get_by_label("Keywords").press("Enter")

    expect(results(page).get_by_role("heading", level=2)).to_have_text("1 role for “軟件”")
    expect(cards(page)).to_have_text(["高級軟件工程師"])
    results(page).get_by_role("link", name="高級軟件工程師").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("高級軟件工程師")
    assert browser_errors == []


def test_on_a_phone_the_results_come_first_and_the_filters_fold_away(page: Page, data_roles,
                                                                     browser_errors):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/jobs?q=data")
    entry = page.get_by_label("Entry level (15)")
    expect(entry).to_be_hidden()
    expect(cards(page).first).to_be_in_viewport()

    page.get_by_text("Filters", exact=True).click()
    entry.check()  # the search runs again at once, with the filter kept open
    expect(results(page).get_by_role("heading", level=2)).to_have_text("15 roles for “data”")
    expect(page.get_by_label("Entry level (15)")).to_be_checked()
    expect(page.get_by_label("Entry level (15)")).to_be_visible()

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/jobs?q=data")  # side by side with the results: nothing folded
    expect(page.get_by_label("Entry level (15)")).to_be_visible()
    assert browser_errors == []
