"""The Content-Security-Policy is enforced, and the pages live within it.

The flows in the other modules assert that chromium reported no console error
and no uncaught exception while they ran; these tests show that such a check
has teeth, and cover what the shared check leaves out.
"""

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def test_every_page_sends_a_strict_policy(page: Page, live_server):
    for path in ("/", "/jobs", "/auth/login", "/auth/register"):
        policy = page.goto(path).headers["content-security-policy"]
        assert "script-src 'self'" in policy, path
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, path


def test_an_inline_script_is_refused_and_reported_on_the_console(page: Page, live_server,
                                                                 browser_errors):
    page.goto("/jobs")

    with page.expect_console_message(lambda m: "Content Security Policy" in m.text):
        page.evaluate("""() => {
          const script = document.createElement("script");
          script.textContent = "document.body.dataset.injected = 'yes'";
          document.head.appendChild(script);
        }""")

    assert page.evaluate("document.body.dataset.injected") is None
    assert any("Content Security Policy" in error for error in browser_errors), browser_errors


def test_the_browser_finds_a_favicon(page: Page, live_server):
    page.goto("/")
    icon = page.evaluate("""() => {
      const link = document.querySelector("link[rel~='icon']");
      return link ? link.href : new URL("/favicon.ico", location.href).href;
    }""")

    response = page.request.get(icon)

    assert response.ok, f"{icon} answered {response.status}"
