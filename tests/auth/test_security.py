"""Security a user never sees but relies on: headers, cookies, CSRF, rate limits, upload size."""

import io
import os
import subprocess
import sys

import pytest

from careerexpo import create_app
from tests.factories import PASSWORD


def test_every_response_carries_security_headers(client):
    for url in ("/", "/jobs", "/api/v1/jobs", "/no-such-page"):
        headers = client.get(url).headers
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"


def test_production_cookies_are_secure_httponly_and_samesite(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "x" * 32)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/p.sqlite3")
    app = create_app("production")
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    assert app.config["SESSION_COOKIE_HTTPONLY"] and app.config["REMEMBER_COOKIE_HTTPONLY"]
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert app.config["REMEMBER_COOKIE_SAMESITE"] == "Lax"


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("FLASK_RUN_FROM_CLI", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app("production")


def test_flask_commands_need_no_secret_key_but_their_web_requests_do(monkeypatch, tmp_path,
                                                                     caplog):
    env = {k: v for k, v in os.environ.items()
           if k not in ("SECRET_KEY", "FLASK_RUN_FROM_CLI", "FLASK_APP")}
    env.update(CAREEREXPO_ENV="production", DATABASE_URL=f"sqlite:///{tmp_path}/cli.sqlite3")

    def flask(*args):
        return subprocess.run([sys.executable, "-m", "flask", "--app", "careerexpo", *args],
                              env=env, capture_output=True, text=True, timeout=120)

    assert flask("db", "upgrade").returncode == 0
    made = flask("create-user", "organiser@example.com", "--password", "long-enough-2026",
                 "--role", "organiser")
    assert made.returncode == 0, made.stderr
    assert "created organiser organiser@example.com" in made.stdout

    # ``flask run`` without a key: the server starts, and every request says why it fails.
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("FLASK_RUN_FROM_CLI", "true")
    app = create_app("production", SQLALCHEMY_DATABASE_URI=env["DATABASE_URL"])
    assert app.test_client().get("/healthz").status_code == 500
    assert "SECRET_KEY must be set in the environment in production" in caplog.text


def test_forms_without_a_csrf_token_are_refused(app, client, make):
    app.config["WTF_CSRF_ENABLED"] = True
    user = make.candidate()
    response = client.post("/auth/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert "expired or came from another site" in response.get_data(as_text=True)


@pytest.mark.app_config(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute")
def test_sign_in_attempts_are_rate_limited(client, make):
    user = make.candidate()
    codes = [client.post("/auth/login", data={"email": user.email, "password": "nope nope"})
             .status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


# A small limit keeps the test client's request body in memory.
@pytest.mark.app_config(MAX_CONTENT_LENGTH=100_000)
def test_an_oversized_upload_is_refused_before_it_is_read(app, client, auth, make):
    auth.login(make.candidate())
    job = make.job()
    big = b"%PDF-1.4\n" + b"0" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post(f"/jobs/{job.id}/apply", data={
        "cv_choice": "upload", "cv_file": (io.BytesIO(big), "cv.pdf")},
        content_type="multipart/form-data")
    assert response.status_code == 413
    assert "too large" in response.get_data(as_text=True)
