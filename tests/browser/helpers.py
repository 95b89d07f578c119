"""What several browser tests do the same way."""

from playwright.sync_api import Page

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def open_menu(page: Page) -> None:
    """Opens the main menu when it is folded behind its button (on a phone)."""
    button = page.get_by_role("button", name="Menu")
    if button.is_visible() and button.get_attribute("aria-expanded") != "true":
        button.click()
