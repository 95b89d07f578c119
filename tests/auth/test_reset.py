"""Forgotten passwords: a single-use link by email (over real SMTP) that expires."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from careerexpo.auth import resets
from careerexpo.auth.models import AccountLink
from careerexpo.core.database import utcnow
from careerexpo.extensions import db
from tests.auth.conftest import link_in
from tests.factories import PASSWORD

NEW = "tram harbour dim sum lantern"


def ask_for_a_link(client, email):
    return client.post("/auth/reset", data={"email": email})


def reset_link(message) -> str:
    return link_in(message, "/auth/reset/")


def test_a_forgotten_password_is_reset_by_email_and_every_device_signed_out(
        app, client, make, inbox):
    user = make.candidate(name="Ada Lam", email="ada@example.com")
    laptop = app.test_client()
    laptop.post("/auth/login", data={"email": user.email, "password": PASSWORD,
                                     "remember": "y"})

    asked = ask_for_a_link(client, "ADA@example.com")
    assert asked.headers["Location"] == "/auth/login"
    [email] = inbox.wait_for(1)
    assert email["To"] == "Ada Lam <ada@example.com>"
    assert inbox.envelopes[0].rcpt_tos == ["ada@example.com"]
    assert "http://careerexpo.test/auth/reset/" in email.get_body().get_content()
    link = reset_link(email)
    assert "60 minutes" in email.get_body().get_content()

    form = client.get(link)
    assert form.status_code == 200 and "Set a new password" in form.get_data(as_text=True)
    done = client.post(link, data={"password": NEW, "confirm": NEW})

    assert done.status_code == 302
    assert client.get("/me/applications").status_code == 200  # signed in afresh
    assert laptop.get("/me/applications").status_code == 302  # everyone else signed out
    assert user.check_password(NEW)
    fresh = app.test_client()
    assert fresh.post("/auth/login", data={"email": user.email, "password": NEW}
                      ).status_code == 302


def test_the_answer_is_the_same_whether_or_not_the_address_has_an_account(client, make,
                                                                          inbox):
    make.candidate(email="ada@example.com")

    known = ask_for_a_link(client, "ada@example.com")
    known_flash = client.get("/auth/login").get_data(as_text=True)
    unknown = ask_for_a_link(client, "nobody@example.com")
    unknown_flash = client.get("/auth/login").get_data(as_text=True)

    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"]
    for page, email in ((known_flash, "ada@example.com"),
                        (unknown_flash, "nobody@example.com")):
        assert f"If an account uses {email}, we have sent it a link" in page
    inbox.wait_for(1)
    assert [e.rcpt_tos for e in inbox.envelopes] == [["ada@example.com"]]


def test_a_used_link_does_not_work_twice(client, make, inbox):
    user = make.candidate()
    ask_for_a_link(client, user.email)
    path = reset_link(inbox.wait_for(1)[0])
    client.post(path, data={"password": NEW, "confirm": NEW})
    client.post("/auth/logout")

    again = client.post(path, data={"password": "another harbour lantern walk",
                                    "confirm": "another harbour lantern walk"})

    assert again.status_code == 410
    assert "This link no longer works" in again.get_data(as_text=True)
    assert user.check_password(NEW)


def test_an_expired_link_does_not_work(app, client, make):
    user = make.candidate()
    _user, token = resets.start_reset(user.email, app.config["PASSWORD_RESET_LIFETIME"],
                                      now=utcnow() - timedelta(minutes=61))

    assert client.get(f"/auth/reset/{token}").status_code == 410
    response = client.post(f"/auth/reset/{token}", data={"password": NEW, "confirm": NEW})
    assert response.status_code == 410
    assert user.check_password(PASSWORD)


def test_an_unknown_link_does_not_work(client):
    assert client.get("/auth/reset/made-up-token").status_code == 410


def test_the_new_password_follows_the_same_rules(client, make, inbox):
    user = make.candidate()
    ask_for_a_link(client, user.email)
    path = reset_link(inbox.wait_for(1)[0])

    page = client.post(path, data={"password": "password1234", "confirm": "password1234"})

    assert "one of the most common passwords" in page.get_data(as_text=True)
    assert user.check_password(PASSWORD)
    # The link still works for a better password.
    assert client.post(path, data={"password": NEW, "confirm": NEW}).status_code == 302


def test_only_a_hash_of_the_token_is_kept(client, make, inbox):
    user = make.candidate()
    ask_for_a_link(client, user.email)
    token = reset_link(inbox.wait_for(1)[0]).rsplit("/", 1)[1]
    stored = db.session.scalar(sa.select(AccountLink.token_hash))
    assert token != stored and len(stored) == 64


@pytest.mark.app_config(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="2 per minute")
def test_asking_for_links_is_rate_limited(client):
    codes = [ask_for_a_link(client, "nobody@example.com").status_code for _ in range(3)]
    assert codes == [302, 302, 429]
