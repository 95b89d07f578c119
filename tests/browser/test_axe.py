"""axe-core finds nothing wrong (WCAG 2.1 A and AA) on the key pages, in every language,
for visitors, job seekers, employers and organisers."""

import pytest

from careerexpo.booths.models import BoothStaff
from careerexpo.extensions import db
from tests import factories
from tests.browser.helpers import PHONE, open_menu

pytestmark = pytest.mark.browser

LANGUAGES = ("en", "zh_Hant_HK", "zh_Hans_CN")


@pytest.fixture
def expo_world(live_server):
    employer = factories.employer()
    company = employer.company
    job = factories.job(company=company, title="Data Engineer", salary_min=30_000,
                        salary_max=45_000, region="gba", city="Shenzhen", country="CN")
    for n in range(8):  # more than a booth shows before "See all"
        factories.job(company=company, title=f"Firmware Engineer {n + 1}", region="overseas",
                      city="Singapore", country="SG")
    factories.job(company=factories.company(name="Harbour Robotics"), title="Robotics Lead",
                  level="senior", area="robotics_automation")
    expo = factories.expo(slug="it-expo", companies=[company])
    booth = expo.booths.first()
    booth.video_url = "https://youtu.be/dQw4w9WgXcQ"
    db.session.add(BoothStaff(booth_id=booth.id, user_id=employer.id))
    candidate = factories.candidate()
    factories.application(job, candidate, cover_note="I build pipelines.")
    db.session.commit()
    return {"employer": employer, "candidate": candidate, "organiser": factories.organiser(),
            "job": job, "expo": expo, "booth": booth}


def check_all(axe, paths) -> dict[str, list[str]]:
    found = {}
    for path in paths:
        for lang in LANGUAGES:
            url = f"{path}{'&' if '?' in path else '?'}lang={lang}"
            if problems := axe(url):
                found[url] = problems
    return found


@pytest.fixture(autouse=True)
def quiet_video(page):
    """The booth video's player, answered by the test (the machine may be offline)."""
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(
        content_type="text/html", body='<!doctype html><html lang="en"><title>Player</title>'
                                       '<main><p>player</p></main></html>'))


def test_public_pages(axe, expo_world):
    w = expo_world
    assert check_all(axe, [
        "/", "/jobs", "/jobs?q=data&level=entry", "/jobs?q=nothing-matches-this",
        "/jobs?q=singapore", "/expos/it-expo/stats?area=biotech",
        f"/jobs/{w['job'].id}", "/expos", "/expos/it-expo", "/expos/it-expo/agenda",
        f"/expos/it-expo/booths/{w['booth'].id}", f"/companies/{w['job'].company_id}",
        "/expos/it-expo/stats", "/auth/login", "/auth/register", "/auth/reset",
        "/auth/reset/no-such-link"]) == {}


def test_a_job_seekers_pages(axe, sign_in, expo_world):
    sign_in(expo_world["candidate"])
    assert check_all(axe, [
        "/me/applications", "/me/saved", "/me/profile", "/me/alerts", "/me/privacy",
        "/auth/account", f"/jobs/{expo_world['job'].id}",
        f"/expos/it-expo/booths/{expo_world['booth'].id}"]) == {}


def test_an_employers_pages(axe, sign_in, expo_world):
    w = expo_world
    sign_in(w["employer"])
    assert check_all(axe, [
        "/employer/jobs", "/employer/jobs/new", f"/employer/jobs/{w['job'].id}/applications",
        "/employer/colleagues", "/employer/tokens",
        f"/expos/it-expo/booths/{w['booth'].id}/edit",
        f"/expos/it-expo/booths/{w['booth'].id}/console"]) == {}


def test_an_organisers_pages(axe, sign_in, expo_world):
    sign_in(expo_world["organiser"])
    assert check_all(axe, ["/expos/new", "/expos/it-expo/activity",
                           "/expos/it-expo/stats/print"]) == {}


def test_pages_on_a_phone_with_the_menu_open(axe, page, sign_in, expo_world):
    page.set_viewport_size(PHONE)
    sign_in(expo_world["candidate"])
    found = {}
    for path in ("/", "/jobs", f"/expos/it-expo/booths/{expo_world['booth'].id}",
                 f"/jobs/{expo_world['job'].id}"):
        for lang in LANGUAGES:
            url = f"{path}?lang={lang}"
            if problems := axe(url, open_menu):
                found[url] = problems
    assert found == {}


def test_the_checker_itself_finds_what_is_wrong(axe, page, live_server):
    page.route("**/__tests__/broken", lambda route: route.fulfill(
        content_type="text/html",
        body='<!doctype html><html lang="en"><title>x</title><main>'
             '<img src="/favicon.svg"><input type="text"></main></html>'))

    problems = axe("/__tests__/broken")

    assert any(p.startswith("image-alt") for p in problems)
    assert any(p.startswith("label") for p in problems)
