"""Sign-ins live on the server: signing out ends them wherever their cookies were copied."""

import re

import pytest
import sqlalchemy as sa

from careerexpo.auth.models import SignIn
from careerexpo.extensions import db
from tests.factories import PASSWORD

REMEMBER = "remember_token"
HOST = "careerexpo.test"  # the tests' SERVER_NAME


def cookie(client, name):
    found = client.get_cookie(name, domain=HOST)
    return found.value if found else None


def browser_with(app, source, *names):
    """Another browser holding copies of ``source``'s cookies (a thief's, or the same
    person's after a restart that dropped the session cookie)."""
    other = app.test_client()
    for name in names:
        other.set_cookie(name, cookie(source, name), domain=HOST)
    return other


def signed_in(client) -> bool:
    return client.get("/me/applications").status_code == 200


def test_a_copied_session_cookie_stops_working_at_sign_out(app, client, auth, make):
    auth.login(make.candidate())
    thief = browser_with(app, client, "session")
    assert signed_in(thief)

    auth.logout()

    assert not signed_in(thief)
    assert not signed_in(client)


def test_keep_me_signed_in_lasts_the_whole_visit_after_the_browser_restarts(app, client,
                                                                           auth, make):
    auth.login(make.candidate(), remember=True)
    restarted = browser_with(app, client, REMEMBER)  # the session cookie went with the restart

    pages = [restarted.get(url).status_code
             for url in ("/me/applications", "/me/saved", "/me/profile", "/me/applications")]

    assert pages == [200, 200, 200, 200]


def test_each_sign_in_gets_its_own_remember_token_and_sign_out_ends_it(app, client, auth,
                                                                      make):
    user = make.candidate()
    auth.login(user, remember=True)
    first = cookie(client, REMEMBER)
    other_device = app.test_client()
    other_device.post("/auth/login", data={"email": user.email, "password": PASSWORD,
                                           "remember": "y"})
    assert cookie(other_device, REMEMBER) != first
    stolen = browser_with(app, client, REMEMBER)

    auth.logout()

    assert cookie(client, REMEMBER) is None  # deleted on this browser
    assert not signed_in(stolen)
    assert cookie(stolen, REMEMBER) is None  # a dead token is deleted where it turns up
    assert signed_in(other_device)  # another sign-in of the same person carries on


def test_only_a_hash_of_the_keys_is_kept(client, auth, make):
    auth.login(make.candidate(), remember=True)
    row = db.session.scalar(sa.select(SignIn))
    with client.session_transaction() as session:
        key = session["sign_in"]
    assert key not in (row.session_hash, row.remember_hash)
    assert cookie(client, REMEMBER) not in (row.session_hash, row.remember_hash)
    assert len(row.session_hash) == len(row.remember_hash) == 64


def test_a_remembered_sign_in_expires_on_the_server(app, client, auth, make):
    auth.login(make.candidate(), remember=True)
    restarted = browser_with(app, client, REMEMBER)
    db.session.execute(sa.update(SignIn).values(expires_at=sa.func.current_timestamp()))
    db.session.commit()
    assert not signed_in(restarted)


def test_signing_out_by_get_is_refused_and_signs_nobody_out(client, auth, make):
    auth.login(make.candidate())

    response = client.get("/auth/logout")

    assert response.status_code == 405
    assert signed_in(client)


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_signing_out_needs_the_pages_csrf_token(client, make):
    user = make.candidate()
    token = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')
    login = client.get("/auth/login").get_data(as_text=True)
    client.post("/auth/login", data={"email": user.email, "password": PASSWORD,
                                     "csrf_token": token.search(login).group(1)})

    forged = client.post("/auth/logout")  # what a form on another site would send
    assert forged.status_code == 400 and signed_in(client)

    page = client.get("/me/applications").get_data(as_text=True)
    assert client.post("/auth/logout", data={
        "csrf_token": token.search(page).group(1)}).status_code == 302
    assert not signed_in(client)


def test_the_account_page_lists_signed_in_devices_and_marks_this_one(app, client, auth,
                                                                    make):
    user = make.candidate()
    phone = app.test_client()
    phone.post("/auth/login", data={"email": user.email, "password": PASSWORD},
               headers={"User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) "
                                      "AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1"})
    client.post("/auth/login", data={"email": user.email, "password": PASSWORD},
                headers={"User-Agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
                                       "AppleWebKit/537.36 Chrome/120.0 Safari/537.36"})

    page = client.get("/auth/account").get_data(as_text=True)

    assert "Chrome, Windows" in page and "Safari, iOS" in page
    assert page.count("This device") == 1
    current = page.index('aria-current="true"')
    assert page.index("Chrome, Windows") > current > page.rfind("<tr", 0, current) - 1
    assert "You are signed in on 2 devices" in page
    assert re.search(r"\d{1,2}:\d\d", page)  # times shown (Hong Kong time)


def test_signing_out_everywhere_ends_every_device(app, client, auth, make):
    user = make.candidate()
    laptop = app.test_client()
    auth.login(user, remember=True)
    laptop.post("/auth/login", data={"email": user.email, "password": PASSWORD, "remember": "y"})
    laptop_restarted = browser_with(app, laptop, REMEMBER)

    response = client.post("/auth/account/sign-out-everywhere")

    assert response.headers["Location"] == "/auth/login"
    assert not signed_in(client)
    assert not signed_in(laptop)
    assert not signed_in(laptop_restarted)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SignIn).where(
        SignIn.revoked_at.is_(None))) == 0


def test_one_other_device_can_be_signed_out(app, client, auth, make):
    user = make.candidate()
    laptop = app.test_client()
    laptop.post("/auth/login", data={"email": user.email, "password": PASSWORD})
    auth.login(user)
    laptop_id = db.session.scalar(sa.select(sa.func.min(SignIn.id)))

    response = client.post(f"/auth/account/sign-ins/{laptop_id}/end")

    assert response.status_code == 302
    assert not signed_in(laptop)
    assert signed_in(client)


def test_nobody_ends_another_persons_sign_in(app, client, auth, make):
    victim = app.test_client()
    victim_user = make.candidate()
    victim.post("/auth/login", data={"email": victim_user.email, "password": PASSWORD})
    victims_sign_in = db.session.scalar(sa.select(SignIn.id))
    auth.login(make.candidate())

    assert client.post(f"/auth/account/sign-ins/{victims_sign_in}/end").status_code == 404
    assert signed_in(victim)


def test_the_account_page_needs_a_sign_in(client):
    assert client.get("/auth/account").status_code == 302
