"""Mail settings come from the environment, and credentials reach a real SMTP server."""

from datetime import timedelta

import pytest
from aiosmtpd.smtp import AuthResult

from careerexpo import create_app
from tests.alerts.conftest import alert_for
from tests.mailserver import Inbox, start_server


def test_mail_settings_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("MAIL_SERVER", "smtp.example.hk")
    monkeypatch.setenv("MAIL_USE_TLS", "true")
    monkeypatch.setenv("MAIL_USERNAME", "alerts")
    monkeypatch.setenv("MAIL_PASSWORD", "s3cret")
    monkeypatch.setenv("MAIL_SENDER", "CareerExpo <jobs@example.hk>")
    monkeypatch.setenv("SITE_URL", "https://jobs.example.hk/")

    config = create_app("testing", SQLALCHEMY_DATABASE_URI="sqlite://").config

    assert (config["MAIL_SERVER"], config["MAIL_PORT"]) == ("smtp.example.hk", 587)
    assert config["MAIL_USE_TLS"] and not config["MAIL_USE_SSL"]
    assert (config["MAIL_USERNAME"], config["MAIL_PASSWORD"]) == ("alerts", "s3cret")
    assert config["MAIL_SENDER"] == "CareerExpo <jobs@example.hk>"
    assert config["SITE_URL"] == "https://jobs.example.hk"


def test_a_bad_port_is_refused_at_start(monkeypatch):
    monkeypatch.setenv("MAIL_PORT", "smtp")

    with pytest.raises(RuntimeError, match="MAIL_PORT"):
        create_app("testing", SQLALCHEMY_DATABASE_URI="sqlite://")


class Authenticator:
    def __init__(self):
        self.logins = []

    def __call__(self, server, session, envelope, mechanism, auth_data):
        self.logins.append((auth_data.login, auth_data.password))
        # handled=False: aiosmtpd answers 535 itself when the password is wrong.
        return AuthResult(success=auth_data.password == b"s3cret", handled=False)


def test_the_username_and_password_sign_in_to_the_server(app, send_alerts, make):
    handler, authenticator = Inbox(), Authenticator()
    # Plain-text AUTH is allowed here only because the test server is on loopback.
    controller, port = start_server(handler, authenticator=authenticator,
                                    auth_require_tls=False)
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_USERNAME="alerts",
                      MAIL_PASSWORD="wrong")
    try:
        alert_for(make.candidate(), "")
        make.job(posted_ago=timedelta(0))
        refused = send_alerts()
        app.config["MAIL_PASSWORD"] = "s3cret"
        accepted = send_alerts()
    finally:
        controller.stop()

    assert refused.exit_code == 1 and handler.messages[1:] == []
    assert accepted.exit_code == 0 and len(handler.messages) == 1
    assert authenticator.logins[-1] == (b"alerts", b"s3cret")
    assert set(authenticator.logins[:-1]) == {(b"alerts", b"wrong")}  # each mechanism tried
