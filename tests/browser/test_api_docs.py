"""/api/docs draws the OpenAPI document in a real browser, within the site's CSP."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_the_api_documentation_renders_without_console_errors(page: Page, live_server,
                                                               browser_errors):
    # Swagger UI is 1.7 MB of script: more time than the suite's 5 seconds for a page.
    page.goto("/api/docs", timeout=20_000)

    expect(page.get_by_text("Search open roles").first).to_be_visible(timeout=20_000)
    expect(page.get_by_text("Post a role, as a draft or published at once").first).to_be_visible()
    assert browser_errors == []
