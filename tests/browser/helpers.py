"""What several browser tests do the same way."""

from playwright.sync_api import Page, expect

from tests import factories

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def open_menu(page: Page) -> None:
    """Opens the main menu when it is folded behind its button (on a phone)."""
    # The page's script folds the menu once the document is parsed: wait for it, or a
    # busy machine reads the menu as open just before it folds.
    page.wait_for_selector(".site-header .nav.menu-folds", state="attached")
    button = page.get_by_role("button", name="Menu")
    if button.is_visible() and button.get_attribute("aria-expanded") != "true":
        button.click()


def sign_in_on(page: Page, user):
    """Signs ``user`` in on ``page``: the test's own, or a second browser's."""
    page.goto("/auth/login")
    page.get_by_label("Email", exact=True).fill(user.email)
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
