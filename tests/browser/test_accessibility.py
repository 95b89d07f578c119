"""Keyboard users and screen-reader users can use the main pages."""

import pytest
from playwright.sync_api import Page, expect

from tests import factories

pytestmark = pytest.mark.browser

# Form controls a person fills in, and what names them for assistive technology.
UNNAMED_CONTROLS = """() => {
  const text = (node) => ((node && node.textContent) || "").trim();
  const named = (el) =>
    Array.from(el.labels || []).some((label) => text(label)) ||
    (el.getAttribute("aria-label") || "").trim() !== "" ||
    (el.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean)
      .some((id) => text(document.getElementById(id)));
  return Array.from(document.querySelectorAll("input, select, textarea"))
    .filter((el) => el.type !== "hidden" && !named(el))
    .map((el) => el.outerHTML);
}"""
IMAGES_WITHOUT_ALT = """() => Array.from(
  document.querySelectorAll("img:not([alt]), input[type=image]:not([alt])")
).map((el) => el.outerHTML)"""


@pytest.fixture
def some_jobs(live_server):
    company = factories.company(name="Science Park Bio")
    factories.job(company=company, title="Bioinformatician", area="biotech", level="middle",
                  open_to_overseas=True)
    return factories.job(company=company, title="Lab Automation Engineer",
                         area="robotics_automation", salary_min=30_000, salary_max=42_000)


def test_the_first_tab_reaches_the_skip_link_which_moves_focus_to_the_content(page: Page,
                                                                              some_jobs):
    page.goto("/jobs")

    page.keyboard.press("Tab")

    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()  # it shows itself once focused
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    assert page.url.endswith("#content")
    # The next Tab continues inside the content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_every_form_control_is_named_and_every_image_has_alt_text(page: Page, some_jobs,
                                                                  sign_in):
    problems = {}

    def audit(path: str):
        page.goto(path)
        expect(page.get_by_role("main")).to_be_visible()
        found = page.evaluate(UNNAMED_CONTROLS) + page.evaluate(IMAGES_WITHOUT_ALT)
        if found:
            problems[path] = found

    for path in ("/", "/jobs", "/jobs?q=engineer&level=entry", "/auth/login", "/auth/register",
                 "/auth/reset"):
        audit(path)
    sign_in(factories.candidate())
    audit(f"/jobs/{some_jobs.id}")
    audit("/me/privacy")
    audit("/auth/account")
    page.goto(f"/jobs/{some_jobs.id}")
    apply = page.get_by_role("region", name="Apply")
    expect(apply.get_by_role("button", name="Send application")).to_be_visible()

    assert problems == {}
