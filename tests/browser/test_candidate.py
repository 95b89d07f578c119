"""A job seeker registers, applies with a PDF CV, follows and withdraws the application."""

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect
from pypdf import PdfWriter

from careerexpo.applications.models import Application
from careerexpo.candidates.models import CVDocument
from tests import factories
from tests.auth.conftest import link_in
from tests.mailserver import receiving_mail

pytestmark = pytest.mark.browser


@pytest.fixture
def pdf_cv(tmp_path):
    """A tiny but valid one-page PDF, as a CV."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "chan-tai-man-cv.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


@pytest.fixture
def fake_pdf_cv(tmp_path):
    """A text file that only calls itself a PDF."""
    path = tmp_path / "cv.pdf"
    path.write_text("Chan Tai Man — Python, SQL, five years in fintech.\n", encoding="utf-8")
    return path


@pytest.fixture
def inbox(live_app):
    with receiving_mail(live_app) as handler:
        yield handler


@pytest.fixture
def role(live_server):
    company = factories.company(name="Lion Rock Robotics")
    return factories.job(company=company, title="Robotics Software Engineer",
                         description="Write the software that drives our warehouse robots.")


def register_as_candidate(page: Page, name: str, email: str):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Register").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Create an account")
    expect(page.get_by_role("radio", name="looking for a job")).to_be_checked()
    page.get_by_label("Full name").fill(name)
    page.get_by_label("Email", exact=True).fill(email)
    page.get_by_label("Password", exact=True).fill("a long enough passphrase")
    page.get_by_label("Repeat the password").fill("a long enough passphrase")
    page.get_by_role("button", name="Create account").click()


def open_role_from_search(page: Page, title: str):
    page.get_by_label("Keywords").fill(title)
    page.get_by_label("Keywords").press("Enter")
    page.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def send_application(page: Page):
    """Sends the apply form; fails at once, with the page's complaint, if it is refused."""
    with page.expect_response(lambda r: r.request.method == "POST") as sent:
        page.get_by_role("button", name="Send application").click()
    if sent.value.status != 302:
        page.wait_for_load_state()
        complaints = page.get_by_role("alert").all_inner_texts()
        complaints += page.locator(".error").all_inner_texts()
        pytest.fail(f"the application was refused ({sent.value.status}): {complaints}")


def expect_signed_in_as(page: Page, name: str):
    nav = page.get_by_role("navigation", name="Main")
    expect(nav).to_contain_text(name)
    expect(nav.get_by_role("link", name="My applications")).to_be_visible()
    expect(nav.get_by_role("button", name="Sign out")).to_be_visible()


def application_card(page: Page, title: str):
    return page.get_by_role("listitem").filter(has=page.get_by_role("heading", name=title))


def test_a_new_candidate_registers_applies_with_a_pdf_cv_then_withdraws(
        page: Page, role, pdf_cv, browser_errors, inbox):
    register_as_candidate(page, "Chan Tai Man", "taiman@example.com")
    expect(page.get_by_role("status")).to_contain_text(
        "Check your email: we have sent a message to taiman@example.com")

    page.goto(link_in(inbox.wait_for(1)[0], "/auth/confirm/"))
    page.get_by_role("button", name="Confirm and sign in").click()

    expect(page.get_by_role("status")).to_contain_text("Welcome to CareerExpo, Chan Tai Man.")
    expect_signed_in_as(page, "Chan Tai Man")

    open_role_from_search(page, "Robotics Software Engineer")
    apply = page.get_by_role("region", name="Apply")
    apply.get_by_label("Cover note").fill("I have built ROS navigation stacks for three years.")
    expect(apply.get_by_role("radio", name="Upload a CV")).to_be_checked()
    apply.get_by_label("CV file").set_input_files(pdf_cv)
    send_application(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("My applications")
    expect(page.get_by_role("status")).to_contain_text(
        "Your application to Robotics Software Engineer was sent.")
    card = application_card(page, "Robotics Software Engineer")
    expect(card).to_contain_text("Lion Rock Robotics")
    expect(card).to_contain_text("Status: Submitted")

    card.get_by_text("Withdraw application").click()  # asks first: it cannot be undone
    expect(card).to_contain_text("you cannot undo it")
    expect(card).to_contain_text("Status: Submitted")
    card.get_by_role("button", name="Yes, withdraw it").click()

    expect(page.get_by_role("status")).to_contain_text(
        "You withdrew your application to Robotics Software Engineer.")
    expect(card).to_contain_text("Status: Withdrawn")
    expect(card.get_by_text("Withdraw application")).to_have_count(0)

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("status")).to_contain_text("Signed out.")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Sign in")).to_be_visible()
    assert browser_errors == []


def test_a_candidate_applies_with_the_cv_on_their_profile(page: Page, role, pdf_cv, sign_in,
                                                          browser_errors):
    sign_in(factories.candidate(name="Wong Siu Ming"))
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Profile & CV").click()
    page.get_by_label("CV (PDF, at most 5 MB)").set_input_files(pdf_cv)
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("status")).to_contain_text("Your profile was saved.")
    expect(page.get_by_role("link", name=pdf_cv.name)).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Find jobs").click()
    open_role_from_search(page, "Robotics Software Engineer")
    apply = page.get_by_role("region", name="Apply")
    expect(apply.get_by_role("radio", name="Send the CV on my profile")).to_be_checked()
    expect(apply).to_contain_text(pdf_cv.name)
    send_application(page)

    card = application_card(page, "Robotics Software Engineer")
    expect(card).to_contain_text("Status: Submitted")
    # The role's page now shows the application instead of a second form.
    card.get_by_role("link", name="Robotics Software Engineer").click()
    expect(page.get_by_role("region", name="Apply")).to_contain_text("Status: Submitted.")
    expect(page.get_by_role("button", name="Send application")).to_have_count(0)
    assert browser_errors == []


def test_a_text_file_named_pdf_is_refused_and_no_application_is_made(
        page: Page, role, fake_pdf_cv, fresh_session, browser_errors):
    candidate = factories.candidate(name="Wong Siu Ming")
    page.goto(f"/jobs/{role.id}")
    page.get_by_role("link", name="Sign in to apply").click()
    page.get_by_label("Email", exact=True).fill(candidate.email)
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # Back on the role, now with the form.
    expect(page.get_by_role("heading", level=1)).to_have_text("Robotics Software Engineer")

    apply = page.get_by_role("region", name="Apply")
    apply.get_by_label("CV file").set_input_files(fake_pdf_cv)
    apply.get_by_role("button", name="Send application").click()

    expect(page.get_by_role("alert")).to_contain_text("Please correct the highlighted fields.")
    cv_field = page.get_by_label("CV file")
    expect(cv_field).to_have_attribute("aria-invalid", "true")
    expect(cv_field).to_have_accessible_description(
        re.compile(r"PDF only, at most 5 MB\. .*not a PDF"))
    expect(page.get_by_role("button", name="Send application")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="My applications").click()
    expect(page.get_by_text("You have not applied to any role yet.")).to_be_visible()
    session = fresh_session()
    assert session.scalar(sa.select(sa.func.count()).select_from(Application)) == 0
    assert session.scalar(sa.select(sa.func.count()).select_from(CVDocument)) == 0
    # The refused form answers 400, which chromium reports on the console; nothing else may.
    assert [e for e in browser_errors if "status of 400" not in e] == []
