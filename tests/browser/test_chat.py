"""Live chat in the browser: the booth lobby, and a private chat answered from the console."""

import pytest
from playwright.sync_api import expect

from careerexpo.booths.models import BoothStaff
from careerexpo.candidates.services import update_profile
from careerexpo.extensions import db
from tests import factories
from tests.browser.helpers import sign_in_on

pytestmark = pytest.mark.browser


def empty_text(locator) -> str:
    """What an empty list says in its place (its ``::before``), or "none" once it has items."""
    return locator.evaluate("el => getComputedStyle(el, '::before').content")


@pytest.fixture
def booth(live_server):
    staff = factories.employer(name="Wong Staff")
    factories.job(company=staff.company, title="Firmware Engineer")
    expo = factories.expo(companies=[staff.company])
    booth = expo.booths.first()
    db.session.add(BoothStaff(booth_id=booth.id, user_id=staff.id))
    db.session.commit()
    return f"/expos/{expo.slug}/booths/{booth.id}", staff


def test_lobby_messages_appear_for_everyone_as_plain_text(page, staff_page, booth, browser_errors):
    url, staff = booth
    sign_in_on(staff_page, staff)
    staff_page.goto(url)
    sign_in_on(page, factories.candidate(name="Lee Candidate"))
    page.goto(url)
    expect(page.locator("[data-staff-status]")).to_have_text("Staff online now")
    expect(page.locator("[data-presence]")).to_contain_text("1 visitor here")  # not "visitors"
    lobby = staff_page.get_by_role("list", name="Lobby messages")
    assert empty_text(lobby) == '"No messages in the lobby yet."'
    page.get_by_label("Message to everyone at the booth").fill("<b>Hello</b> booth!")
    page.get_by_label("Message to everyone at the booth").press("Enter")
    expect(lobby).to_contain_text("<b>Hello</b> booth!")
    assert empty_text(lobby) == "none"
    expect(lobby.locator("b")).to_have_count(0)
    expect(lobby).to_contain_text("Lee Candidate")
    assert browser_errors == []


def test_a_private_chat_from_queue_to_answer(page, staff_page, booth, browser_errors):
    url, staff = booth
    sign_in_on(staff_page, staff)
    staff_page.goto(url + "/console")
    expect(staff_page.locator("[data-queue-list]")).to_contain_text("Nobody is waiting")
    candidate = factories.candidate(name="Ho Candidate")
    update_profile(candidate, "Ho Candidate", "Embedded developer", "C, Rust", "bachelor", [],
                   cv=factories.cv(candidate))
    sign_in_on(page, candidate)
    page.goto(url)
    page.get_by_label("Let the staff see my profile and CV").check()
    page.get_by_role("button", name="Ask for a private chat").click()
    expect(page.locator("[data-queue]")).to_contain_text("number 1 in the queue")
    page.get_by_label("Your message to the staff").fill("Is the firmware role remote?")
    page.get_by_label("Your message to the staff").press("Enter")
    open_chats = staff_page.locator("[data-conversation-list]")
    assert empty_text(open_chats) == '"No chat is open."'
    staff_page.get_by_role("button", name="Accept").click()
    expect(page.locator("[data-queue]")).to_contain_text("A staff member has joined")
    expect(open_chats).to_contain_text("Ho Candidate")
    assert empty_text(open_chats) == "none"
    messages = staff_page.get_by_role("list", name="Private messages")
    expect(messages).to_contain_text("Is the firmware role remote?")
    context = staff_page.locator("[data-context]")
    expect(context).to_contain_text("No applications")
    expect(context).to_contain_text("Embedded developer")
    staff_page.get_by_label("Your reply").fill("Hybrid: two days in Science Park.")
    staff_page.get_by_label("Your reply").press("Enter")
    expect(page.get_by_role("list", name="Private messages")).to_contain_text(
        "Hybrid: two days in Science Park.")
    # Applying without leaving the chat panel.
    page.get_by_text("Apply to a role from here").click()
    page.get_by_text("Apply with my profile CV").click()
    expect(page.get_by_text("Send your profile and CV to")).to_contain_text("Firmware Engineer")
    page.get_by_role("button", name="Yes, apply").click()
    expect(page.locator("[data-apply-result]")).to_contain_text(
        "Your application to Firmware Engineer was sent")
    assert browser_errors == []
