"""An employer posts a role, finds it in the public search, and works an applicant."""

import pytest
from playwright.sync_api import Page, expect

from tests import factories

pytestmark = pytest.mark.browser


@pytest.fixture
def employer(live_server):
    company = factories.company(name="Cyberport Quantum Labs")
    return factories.employer(company=company, name="Lee Ka Yan")


def row_for(page: Page, name: str):
    """The table row whose header cell is ``name``."""
    return page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=name))


def fill_role(page: Page, title: str, salary_from: str, salary_to: str):
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Description", exact=True).fill(
        "Design photonic circuits.\n\nWork with our fab partners.")
    page.get_by_label("Level", exact=True).select_option(label="Senior")
    page.get_by_label("Minimum degree", exact=True).select_option(label="Master's")
    page.get_by_label("Based in", exact=True).select_option(label="Hong Kong")
    page.get_by_label("Area", exact=True).select_option(label="Microelectronics")
    page.get_by_label("Function", exact=True).select_option(label="Research & development")
    page.get_by_label("Employment type", exact=True).select_option(label="Full time")
    page.get_by_label("Monthly salary from (HKD)").fill(salary_from)
    page.get_by_label("Monthly salary to (HKD)").fill(salary_to)
    page.get_by_label("Open to overseas and Greater Bay Area talent").check()


def test_an_employer_posts_a_role_fixing_a_salary_error_and_it_is_public(
        page: Page, employer, sign_in, browser_errors):
    sign_in(employer)
    expect(page.get_by_role("heading", level=1)).to_have_text("Cyberport Quantum Labs: roles")

    page.get_by_role("link", name="Post a role").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Post a role")
    fill_role(page, "Photonics Engineer", salary_from="60000", salary_to="45000")
    page.get_by_role("button", name="Publish").click()

    expect(page.get_by_role("alert")).to_contain_text("Please correct the highlighted fields.")
    salary_to = page.get_by_label("Monthly salary to (HKD)")
    expect(salary_to).to_have_attribute("aria-invalid", "true")
    expect(salary_to).to_have_accessible_description("The upper end is below the lower end.")
    expect(page.get_by_label("Monthly salary from (HKD)")).not_to_have_attribute(
        "aria-invalid", "true")
    # What was typed is kept, so only the mistake needs fixing.
    expect(page.get_by_label("Title", exact=True)).to_have_value("Photonics Engineer")
    expect(page.get_by_label("Area", exact=True)).to_have_value("microelectronics")

    salary_to.fill("80000")
    page.get_by_role("button", name="Publish").click()

    expect(page.get_by_role("status")).to_contain_text("“Photonics Engineer” is published.")
    row = row_for(page, "Photonics Engineer")
    expect(row).to_contain_text("Open")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Find jobs").click()
    page.get_by_label("Keywords").fill("photonics")
    page.get_by_label("Keywords").press("Enter")
    results = page.get_by_role("region", name="role")
    expect(results.get_by_role("heading", level=2)).to_have_text("1 role for “photonics”")
    card = results.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name="Photonics Engineer"))
    expect(card).to_contain_text("Cyberport Quantum Labs")
    expect(card).to_contain_text("HK$60,000–HK$80,000 a month")
    expect(card).to_contain_text("Open to overseas & GBA talent")
    assert browser_errors == []


def test_an_employer_moves_an_applicant_to_interview_and_keeps_a_private_note(
        page: Page, employer, sign_in, browser_errors):
    job = factories.job(company=employer.company, title="FPGA Engineer")
    factories.job(company=employer.company, title="Lab Technician")
    factories.application(job, factories.candidate(name="Ho Wing Sze"),
                          cover_note="I tape out RISC-V cores for fun.")
    sign_in(employer)

    row = row_for(page, "FPGA Engineer")
    row.get_by_role("link", name="1", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Applicants for FPGA Engineer")
    applicant = row_for(page, "Ho Wing Sze")
    expect(applicant).to_contain_text("Submitted")
    applicant.get_by_role("link", name="Ho Wing Sze").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Ho Wing Sze")
    expect(page.get_by_role("main")).to_contain_text("I tape out RISC-V cores for fun.")
    page.get_by_label("Move to").select_option(label="Interview")
    page.get_by_role("button", name="Move").click()

    expect(page.get_by_role("status")).to_contain_text("Moved to Interview.")
    expect(page.get_by_role("main")).to_contain_text("Status: Interview")

    page.get_by_label("Private note").fill("Strong on timing closure; ask about Vivado.")
    page.get_by_role("button", name="Add note").click()

    expect(page.get_by_role("status")).to_contain_text("Note added.")
    notes = page.get_by_role("list").filter(has_text="Strong on timing closure")
    expect(notes).to_contain_text("Strong on timing closure; ask about Vivado.")
    expect(notes).to_contain_text("Lee Ka Yan")
    expect(page.get_by_role("main")).to_contain_text("Status: Interview")

    page.get_by_role("link", name="Applicants for FPGA Engineer").click()
    applicant = row_for(page, "Ho Wing Sze")
    expect(applicant).to_contain_text("Interview")
    expect(page.get_by_role("navigation", name="Filter by status")).to_contain_text("Interview (1)")
    assert browser_errors == []


def test_a_long_email_wraps_inside_its_column(page: Page, employer, sign_in):
    from careerexpo.candidates.models import CandidateProfile
    from careerexpo.extensions import db

    job = factories.job(company=employer.company, title="FPGA Engineer")
    person = factories.candidate(name="Chan Tai Man",
                                 email="chan.tai.man.fpga.applications@university.example.edu.hk")
    db.session.add(CandidateProfile(user_id=person.id, headline="Hardware engineer",
                                    skills="", preferred_regions=""))
    db.session.commit()
    application = factories.application(job, person)
    sign_in(employer)
    page.set_viewport_size({"width": 1024, "height": 800})
    page.goto(f"/employer/applications/{application.id}")

    email = page.get_by_role("link", name=person.email).bounding_box()
    headline = page.get_by_text("Hardware engineer", exact=True).bounding_box()
    overlap_x = email["x"] + email["width"] > headline["x"]
    overlap_y = (email["y"] < headline["y"] + headline["height"]
                 and headline["y"] < email["y"] + email["height"])
    assert not (overlap_x and overlap_y)


def test_on_a_phone_the_roles_table_scrolls_by_itself_not_the_page(page: Page, employer,
                                                                   sign_in):
    factories.job(company=employer.company,
                  title="Principal Research Engineer, Photonic Integrated Circuits")
    sign_in(employer)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/employer/jobs")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    table = page.get_by_role("region", name=f"{employer.company.name}: roles")
    assert table.evaluate("el => el.scrollWidth > el.clientWidth")  # its own scrollbar
    table.focus()  # reachable from the keyboard, so its arrow keys can scroll it
    expect(table).to_be_focused()
