"""A booth page is built around the conversation: the chat is one keystroke away, first
on a phone; a few roles with "See all"; the video plays in the page; the staff status and
the queue never contradict each other; focus follows what appears."""

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from careerexpo.booths.models import BoothStaff
from careerexpo.core.database import utcnow
from careerexpo.extensions import db
from careerexpo.presentations.models import Presentation
from tests import factories
from tests.browser.helpers import DESKTOP, PHONE, sign_in_on

pytestmark = pytest.mark.browser
VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


@pytest.fixture
def booth(live_server):
    staff = factories.employer(name="Wong Staff")
    for n in range(10):
        factories.job(company=staff.company, title=f"Firmware Engineer {n + 1}",
                      region="gba", city="Shenzhen", country="CN")
    expo = factories.expo(companies=[staff.company])
    booth = expo.booths.first()
    booth.video_url = VIDEO
    db.session.add(BoothStaff(booth_id=booth.id, user_id=staff.id))
    now = utcnow()
    db.session.add_all([
        Presentation(booth_id=booth.id, title="Inside our lab", abstract="Live tour.",
                     starts_at=now - timedelta(minutes=5), duration_minutes=30),
        Presentation(booth_id=booth.id, title="Graduate programme Q&A", abstract="Ask us.",
                     starts_at=now + timedelta(hours=2), duration_minutes=30)])
    db.session.commit()
    return f"/expos/{expo.slug}/booths/{booth.id}", staff


@pytest.fixture
def quiet_video(page: Page):
    """The player's host answered by the test: the machine may have no internet."""
    page.route("https://www.youtube-nocookie.com/**",
               lambda route: route.fulfill(content_type="text/html", body="<p>player</p>"))


def test_on_a_desktop_the_chat_sits_beside_a_short_list_of_roles(
        page: Page, booth, quiet_video, browser_errors):
    url, _staff = booth
    page.set_viewport_size(DESKTOP)
    page.goto(url)

    roles = page.locator(".booth-main .job-card")
    expect(roles).to_have_count(6)
    expect(roles.first).to_contain_text("Shenzhen, Greater Bay Area")
    see_all = page.get_by_role("link", name="See all 10 roles")
    expect(see_all).to_be_visible()
    video = page.frame_locator("iframe[title='Video from " + page.locator("h1").inner_text()
                               + "']")
    expect(video.locator("p")).to_have_text("player")
    assert page.locator("iframe").get_attribute("src") == (
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    expect(page.get_by_role("link", name="Live now: Inside our lab")).to_be_visible()
    expect(page.get_by_role("link", name="Next: Graduate programme Q&A")).to_be_visible()
    chat = page.locator("#chat").bounding_box()
    main = page.locator(".booth-main").bounding_box()
    assert chat["x"] > main["x"] + main["width"] - 1 and chat["y"] < main["y"] + 200
    see_all.click()
    expect(page.locator(".job-card")).to_have_count(10)
    assert browser_errors == []


def test_on_a_phone_the_chat_comes_before_the_roles(page: Page, booth, quiet_video, sign_in):
    url, _staff = booth
    page.set_viewport_size(PHONE)
    sign_in(factories.candidate(name="Lee Candidate"))
    page.goto(url)

    chat = page.locator("#chat").bounding_box()
    roles = page.get_by_role("heading", name="10 open roles").bounding_box()
    assert chat["y"] < roles["y"]
    assert chat["y"] < PHONE["height"] * 1.5  # within reach, not thousands of pixels down
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_keyboard_reaches_the_chat_in_two_keystrokes(page: Page, booth, quiet_video,
                                                         sign_in):
    url, _staff = booth
    sign_in(factories.candidate(name="Lee Candidate"))
    page.goto(url)

    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to the chat")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#chat")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('#chat')")
    page.keyboard.type("Hello from the keyboard")
    page.keyboard.press("Enter")
    expect(page.get_by_role("list", name="Lobby messages")).to_contain_text(
        "Hello from the keyboard")


def test_the_queue_never_contradicts_itself_and_focus_follows(
        page: Page, staff_page: Page, booth, quiet_video, browser_errors):
    url, staff = booth
    sign_in_on(page, factories.candidate(name="Ho Candidate"))
    page.goto(url)
    queue, leave = page.locator("[data-queue]"), page.locator("[data-leave-message]")
    status = page.locator("[data-staff-status]")
    expect(page.locator("[data-presence]")).to_have_text("1 visitor here")
    expect(status).to_have_text("No staff online right now")

    page.get_by_role("button", name="Ask for a private chat").click()
    # Nobody is online: one line says so, and no place in a queue is promised.
    expect(leave).to_be_visible()
    expect(queue).to_be_hidden()
    expect(page.get_by_label("Your message to the staff")).to_be_focused()

    sign_in_on(staff_page, staff)
    staff_page.goto(url)
    # Staff on their own booth's page read the same status as everyone else.
    expect(staff_page.locator("[data-staff-status]")).to_have_text("Staff online now")
    expect(status).to_have_text("Staff online now")
    expect(queue).to_contain_text("number 1 in the queue")
    expect(leave).to_be_hidden()

    staff_page.goto(url + "/console")
    staff_page.get_by_role("button", name="Accept").click()
    expect(staff_page.get_by_label("Your reply")).to_be_focused()
    expect(queue).to_have_text("A staff member has joined your chat.")

    staff_page.goto("/jobs")  # the staff member leaves the booth
    expect(status).to_have_text("No staff online right now")
    expect(queue).to_have_text("The staff member has left. Your messages wait here for the "
                               "staff.")
    assert browser_errors == []
