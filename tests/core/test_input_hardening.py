"""Text with control characters is refused wherever it comes in, private pages are kept
by no cache, and behind a trusted proxy each client has its own sign-in limit."""

import pytest

from careerexpo.auth.models import User
from careerexpo.extensions import db
from tests.factories import PASSWORD


def test_a_form_with_a_nul_byte_is_refused_naming_the_field(client):
    response = client.post("/auth/register", data={
        "role": "candidate", "name": "Ada\x00Lam", "email": "ada@example.org",
        "password": PASSWORD, "confirm": PASSWORD})

    assert response.status_code == 400
    assert "“name” holds control characters" in response.get_data(as_text=True)
    assert db.session.query(User).count() == 0


def test_line_breaks_and_tabs_in_a_form_are_text(client, auth, make):
    employer = make.employer()
    job = make.job(company=employer.company)
    application = make.application(job, make.candidate())
    auth.login(employer)

    response = client.post(f"/employer/applications/{application.id}",
                           data={"note-body": "Call back\r\n\tMonday"})

    assert response.status_code == 302


def test_an_import_row_with_control_characters_is_reported_by_line(runner, tmp_path):
    companies = tmp_path / "companies.csv"
    companies.write_text("name,website,description,offices,programme\n"
                         "Harbour\x00Kite,https://kite.example,Kites,hong_kong,\n",
                         encoding="utf-8")
    jobs = tmp_path / "jobs.csv"
    jobs.write_text("company,title,description,level,degree,region,area,function,"
                    "employment_type,open_to_overseas,salary_min,salary_max,closes_at\n",
                    encoding="utf-8")

    result = runner.invoke(args=["import-expo", "kites", "--name", "Kites", "--starts",
                                 "2026-03-10", "--ends", "2026-03-12", "--companies",
                                 str(companies), "--jobs", str(jobs)])

    assert result.exit_code != 0
    assert f"{companies}:2: control characters (such as NUL) in column name" in result.stderr


def test_private_pages_and_downloads_are_not_stored_and_public_ones_may_be(client, auth, make):
    assert "no-store" not in client.get("/jobs").headers.get("Cache-Control", "")
    auth.login(make.candidate())

    for url in ("/me/applications", "/me/profile", "/jobs"):
        response = client.get(url)
        assert response.headers["Cache-Control"] == "no-store", url
        assert "Cookie" in response.headers["Vary"]


@pytest.mark.app_config(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="2 per minute",
                        TRUSTED_PROXIES=1)
def test_behind_a_trusted_proxy_each_client_has_its_own_sign_in_limit(app, make):
    user = make.candidate()
    data = {"email": user.email, "password": "not the password"}

    def attempt(client_address: str) -> int:
        return app.test_client().post("/auth/login", data=data, headers={
            "X-Forwarded-For": client_address}).status_code

    assert [attempt("203.0.113.5") for _ in range(3)] == [200, 200, 429]
    assert attempt("198.51.100.7") == 200, "another client is not held by the first's limit"


@pytest.mark.app_config(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="2 per minute")
def test_without_a_trusted_proxy_a_forged_forwarded_for_changes_nothing(app, make):
    user = make.candidate()
    data = {"email": user.email, "password": "not the password"}
    codes = [app.test_client().post("/auth/login", data=data, headers={
        "X-Forwarded-For": f"198.51.100.{n}"}).status_code for n in range(3)]
    assert codes == [200, 200, 429]
