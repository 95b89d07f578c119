"""Registering: the company fields appear only for someone hiring, and every required
mark sits on its label's line."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import PHONE

pytestmark = pytest.mark.browser


def test_company_fields_follow_the_role_chosen(page: Page, live_server, browser_errors):
    page.goto("/auth/register")
    company = page.get_by_label("Company name")

    # A job seeker (the default) is not asked about a company.
    expect(page.get_by_label("looking for a job")).to_be_checked()
    expect(company).to_be_hidden()
    expect(page.get_by_label("Company website")).to_be_hidden()

    page.get_by_label("hiring for my company").check()
    expect(company).to_be_visible()
    expect(company).to_be_enabled()
    page.get_by_label("looking for a job").check()
    expect(company).to_be_hidden()

    # The server still asks an employer for the company, script or not.
    page.get_by_label("hiring for my company").check()
    page.get_by_label("Full name").fill("Chan Tai Man")
    page.get_by_label("Email").fill("hr@acme.example")
    page.get_by_label("Password", exact=True).fill("correct horse battery staple")
    page.get_by_label("Repeat the password").fill("correct horse battery staple")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("Employers register together with their company.")).to_be_visible()
    expect(company).to_be_visible()  # the choice is kept, and so are its fields
    assert browser_errors == []


def test_required_marks_are_on_the_labels_line(page: Page, live_server):
    page.set_viewport_size(PHONE)
    page.goto("/auth/register")

    for name in ("name", "email", "password"):
        label = page.locator(f"label[for={name}]")
        mark = page.locator(".label-line", has=label).locator(".required")
        assert abs(mark.bounding_box()["y"] - label.bounding_box()["y"]) < 4, name
