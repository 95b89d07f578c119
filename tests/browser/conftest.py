"""Browser tests: a live CareerExpo server and Debian's chromium driven by Playwright.

Each test gets its own database (a copy of the migrated template, as in
``tests/conftest.py``), its own Werkzeug server on a free port in a background
thread, and its own browser context; the browser itself is started once per
session. CSRF protection is on, as in production, so every form goes through it.

Test data is made with ``tests.factories`` in the test's own app context; the
server threads see it through the database, as real requests would.
"""

import os

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from careerexpo.extensions import db
from tests import factories
from tests.browser.helpers import open_menu
from tests.conftest import app_on_fresh_database
from tests.liveserver import LiveServer, serve
from tests.services import IN_CI

CHROMIUM = "/usr/bin/chromium"
AXE = os.path.join(os.path.dirname(__file__), "node_modules", "axe-core", "axe.min.js")
# Where pages load axe from: a same-origin address the test answers, so the site's strict
# Content-Security-Policy (scripts from 'self' only) stays exactly as in production.
AXE_URL = "/__tests__/axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Fail fast: a page of this app answers in milliseconds, not seconds.
TIMEOUT_MS = 5_000
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        reason = f"{CHROMIUM} is missing; install Debian's chromium (apt-get install chromium)"
        if IN_CI:
            pytest.fail(f"{reason} — CI must run the browser tests; .ci/run installs it")
        pytest.skip(reason)
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


@pytest.fixture
def live_app(database_template, tmp_path):
    """The app as production runs it (CSRF on), with its app context pushed for factories."""
    with app_on_fresh_database(database_template, tmp_path, WTF_CSRF_ENABLED=True) as app:
        yield app


@pytest.fixture
def live_server(live_app):
    """A real HTTP server in a background thread; fails the test if a request raised."""
    with serve(live_app) as live:
        yield live


@pytest.fixture
def browser_errors():
    """Console errors and uncaught page exceptions seen by ``page`` (a CSP violation is one)."""
    return []


@pytest.fixture
def page(browser: Browser, live_server: LiveServer, browser_errors) -> Page:
    context = browser.new_context(base_url=live_server.url, locale="en-US",
                                  timezone_id="Asia/Hong_Kong")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()

    def on_console(message):
        if message.type == "error":
            browser_errors.append(f"console error at {message.location.get('url')}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: browser_errors.append(f"page error: {error}"))
    try:
        yield page
    finally:
        # Close the browser's connections before the server waits for its request threads.
        context.close()


@pytest.fixture
def staff_page(browser, live_server, browser_errors):
    """A second browser, for the booth's staff member."""
    context = browser.new_context(base_url=live_server.url, locale="en-US",
                                  timezone_id="Asia/Hong_Kong")
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and browser_errors.append(
        f"staff console error: {m.text}"))
    page.on("pageerror", lambda e: browser_errors.append(f"staff page error: {e}"))
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def sign_in(page: Page):
    """Signs a user in through the login form, as a person would."""

    def sign_in(user, password=factories.PASSWORD):
        page.goto("/auth/login")
        page.get_by_label("Email", exact=True).fill(user.email)
        page.get_by_label("Password", exact=True).fill(password)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("status")).to_contain_text("Signed in.")
        open_menu(page)
        expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    return sign_in


@pytest.fixture
def fresh_session():
    """Ends the test thread's transaction so that reads see what the server committed."""

    def fresh():
        db.session.remove()
        return db.session

    return fresh


@pytest.fixture
def axe(page: Page):
    """``axe(path)`` opens ``path`` and returns what axe-core finds wrong there (WCAG 2.1
    A and AA rules), as ``["rule-id: target…"]``; an empty list means nothing.
    ``axe(path, prepare)`` calls ``prepare(page)`` first."""
    if not os.path.exists(AXE):
        reason = f"{AXE} is missing; `make test` installs it with npm (tests/browser/package.json)"
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    with open(AXE, "rb") as fh:
        source = fh.read()
    page.route(f"**{AXE_URL}", lambda route: route.fulfill(
        body=source, content_type="application/javascript"))

    def check(path: str, prepare=None) -> list[str]:
        page.goto(path)
        if prepare:  # e.g. open a menu, so what it shows is checked too
            prepare(page)
        page.add_script_tag(url=AXE_URL)
        violations = page.evaluate("""async () => {
          const result = await axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
          return result.violations.map((v) => v.id + ": " +
            v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", "));
        }""")
        return violations

    return check
