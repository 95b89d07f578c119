"""The header stays one line on a phone: the menu folds behind a button that works by
keyboard; on a desktop everything is in view and there is no button."""

import pytest
from playwright.sync_api import Page, expect

from tests import factories
from tests.browser.helpers import DESKTOP, PHONE

pytestmark = pytest.mark.browser


@pytest.fixture
def employer(live_server):
    company = factories.company(name="Hong Kong Science and Technology Parks Photonics Limited")
    factories.expo(companies=[company])
    return factories.employer(company=company, name="Chan Tai Man Christopher")


def test_on_a_phone_the_signed_in_header_is_one_line_with_a_menu_button(
        page: Page, employer, sign_in):
    page.set_viewport_size(PHONE)
    sign_in(employer)
    page.goto("/jobs")
    header = page.locator(".site-header")
    button = page.get_by_role("button", name="Menu")

    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("button", name="Sign out")).to_be_hidden()
    assert header.bounding_box()["height"] < 70  # one line: brand and button

    # By keyboard: from the skip link to the brand to the button, which opens the menu.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("link", name="Our jobs")).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Find jobs")).to_be_focused()

    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(page.get_by_role("link", name="Our jobs")).to_be_hidden()


def test_on_a_desktop_the_menu_is_in_view_without_a_button(page: Page, employer, sign_in):
    page.set_viewport_size(DESKTOP)
    sign_in(employer)

    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(page.get_by_role("link", name="Our jobs")).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    # Two tidy lines at most: the brand beside the account, then the links.
    assert page.locator(".site-header").bounding_box()["height"] < 100
    brand = page.get_by_role("link", name="CareerExpo").bounding_box()
    sign_out = page.get_by_role("button", name="Sign out").bounding_box()
    assert abs((brand["y"] + brand["height"] / 2) - (sign_out["y"] + sign_out["height"] / 2)) < 8
