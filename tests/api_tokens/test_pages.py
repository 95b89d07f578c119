"""The employer's API tokens page: make a token (shown once), see them, revoke one."""

import re

import pytest

from careerexpo.extensions import db
from careerexpo.tokens.models import ApiToken, TokenScope
from tests.api_tokens.helpers import bearer
from tests.factories import PASSWORD

TOKEN = re.compile(r'value="(cxp_[0-9a-f]{12}_[A-Za-z0-9_-]{43})"')


def test_an_employer_makes_a_token_and_sees_it_only_once(client, auth, employer):
    auth.login(employer)

    response = client.post("/employer/tokens", data={"name": "Careers site", "scope": "read"})

    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    raw = TOKEN.search(response.get_data(as_text=True)).group(1)
    stored = db.session.scalar(db.select(ApiToken))
    assert stored.name == "Careers site" and stored.scope == TokenScope.READ
    assert raw not in (stored.secret_hash, stored.prefix) and len(stored.secret_hash) == 64
    listing = client.get("/employer/tokens").get_data(as_text=True)
    assert "Careers site" in listing and f"cxp_{stored.prefix}_…" in listing
    assert raw not in listing
    assert client.get("/api/v1/employer/jobs", headers=bearer(raw)).status_code == 200


def test_a_token_needs_a_name(client, auth, employer):
    auth.login(employer)

    response = client.post("/employer/tokens", data={"name": "  ", "scope": "read_write"})

    assert response.status_code == 400
    assert db.session.scalar(db.select(db.func.count()).select_from(ApiToken)) == 0


def test_revoking_a_token_shuts_it_out_of_the_api(client, auth, employer):
    auth.login(employer)
    page = client.post("/employer/tokens", data={"name": "Old sync", "scope": "read_write"})
    raw = TOKEN.search(page.get_data(as_text=True)).group(1)
    token = db.session.scalar(db.select(ApiToken))

    response = client.post(f"/employer/tokens/{token.id}/revoke", follow_redirects=True)

    assert "Old sync” is revoked" in response.get_data(as_text=True)
    refused = client.get("/api/v1/employer/jobs", headers=bearer(raw))
    assert refused.status_code == 401 and refused.is_json


def test_nobody_else_revokes_or_sees_an_employers_tokens(client, auth, employer, make):
    auth.login(employer)
    client.post("/employer/tokens", data={"name": "Mine", "scope": "read"})
    token = db.session.scalar(db.select(ApiToken))
    auth.logout()
    colleague = make.employer(company=employer.company)
    auth.login(colleague)

    assert "Mine" not in client.get("/employer/tokens").get_data(as_text=True)
    assert client.post(f"/employer/tokens/{token.id}/revoke").status_code == 404
    db.session.refresh(token)
    assert token.revoked_at is None


def test_the_page_is_for_employers_only(client, auth, make):
    assert client.get("/employer/tokens").status_code == 302  # to sign in
    auth.login(make.candidate())
    assert client.get("/employer/tokens").status_code == 403


CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_the_tokens_page_refuses_a_post_without_its_csrf_token(client, employer):
    login_page = client.get("/auth/login").get_data(as_text=True)
    client.post("/auth/login", data={"email": employer.email, "password": PASSWORD,
                                     "csrf_token": CSRF.search(login_page).group(1)})
    page = client.get("/employer/tokens").get_data(as_text=True)

    forged = client.post("/employer/tokens", data={"name": "Forged", "scope": "read_write"})
    genuine = client.post("/employer/tokens", data={
        "name": "Genuine", "scope": "read", "csrf_token": CSRF.search(page).group(1)})

    assert forged.status_code == 400 and genuine.status_code == 200
    assert [t.name for t in db.session.scalars(db.select(ApiToken))] == ["Genuine"]
