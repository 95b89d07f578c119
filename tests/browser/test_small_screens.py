"""On a phone, no page makes its reader scroll sideways to read it."""

import pytest
from playwright.sync_api import Page, expect

from tests import factories
from tests.browser.helpers import open_menu

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# Elements whose right edge passes the window's, but for those inside a box that scrolls
# by itself (a wide table's).
OVERFLOWING = """(width) => {
  const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const inScrollBox = (el) => {
    for (let up = el.parentElement; up; up = up.parentElement) if (scrolls(up)) return true;
    return false;
  };
  return Array.from(document.querySelectorAll("body *"))
    .filter((el) => el.getBoundingClientRect().right > width + 1 && !inScrollBox(el))
    .map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
}"""


@pytest.fixture
def world(live_server):
    company = factories.company(name="Hong Kong Science and Technology Parks Photonics Limited")
    job = factories.job(company=company, title="Principal Research Engineer, Silicon Photonics",
                        salary_min=60_000, salary_max=95_000, open_to_overseas=True)
    person = factories.candidate(name="Chan Tai Man",
                                 email="chan.tai.man.photonics@university.example.edu.hk")
    cv = factories.cv(person, filename="Chan-Tai-Man-curriculum-vitae-2026-photonics.pdf")
    from careerexpo.candidates.models import CandidateProfile
    from careerexpo.extensions import db

    db.session.add(CandidateProfile(user_id=person.id, headline="Photonics researcher",
                                    skills="Lumerical, Python", preferred_regions="", cv=cv))
    db.session.commit()
    application = factories.application(job, person, cv=cv)
    boss = factories.employer(company=company)
    expo = factories.expo(slug="hk-it-career-expo", name="Hong Kong I&T Career Expo",
                          companies=[company])
    return {"job": job, "candidate": person, "employer": boss, "application": application,
            "expo": expo}


def test_every_main_page_fits_a_phone(page: Page, world, sign_in):
    page.set_viewport_size(PHONE)
    problems = {}

    def check(path: str):
        assert page.goto(path).ok, path
        expect(page.get_by_role("main")).to_be_visible()
        found = page.evaluate(OVERFLOWING, PHONE["width"])
        if page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]:
            found.append("the page scrolls sideways")
        if found:
            problems[path] = found

    job, application, expo = world["job"], world["application"], world["expo"]
    booth = expo.booths[0]
    for path in ("/", "/jobs", "/jobs?q=photonics", f"/jobs/{job.id}", "/expos",
                 f"/expos/{expo.slug}", f"/expos/{expo.slug}/booths/{booth.id}",
                 f"/expos/{expo.slug}/stats", "/auth/login", "/auth/register", "/auth/reset"):
        check(path)
    sign_in(world["candidate"])
    for path in ("/me/applications", "/me/profile", "/me/saved", "/me/alerts", "/auth/account",
                 f"/expos/{expo.slug}/booths/{booth.id}"):
        check(path)
    open_menu(page)
    page.get_by_role("button", name="Sign out").click()
    sign_in(world["employer"])
    for path in ("/employer/jobs", "/employer/jobs/new", f"/employer/jobs/{job.id}/applications",
                 f"/employer/applications/{application.id}", "/employer/colleagues",
                 f"/expos/{expo.slug}/booths/{booth.id}/console"):
        check(path)

    assert problems == {}
