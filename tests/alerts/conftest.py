"""A real SMTP server on loopback (tests/mailserver.py) for the alerts, and alert helpers."""

from email.message import EmailMessage

import pytest

from careerexpo.alerts.models import AlertFrequency
from careerexpo.alerts.services import save_alert
from careerexpo.feeds.searches import query_from_string
from tests.mailserver import Inbox, start_server


@pytest.fixture
def inbox(app):
    """A mail server on loopback, and the app pointed at it."""
    handler = Inbox()
    controller, port = start_server(handler)
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_USE_TLS=False,
                      MAIL_USE_SSL=False, MAIL_SENDER="CareerExpo <alerts@careerexpo.test>")
    yield handler
    controller.stop()


@pytest.fixture
def send_alerts(runner):
    def run():
        return runner.invoke(args=["send-alerts"])

    return run


@pytest.fixture
def candidate(make):
    return make.candidate(name="Ada Lam", email="ada@example.com")


def alert_for(candidate, query: str, frequency=AlertFrequency.INSTANT):
    return save_alert(candidate, query_from_string(query), frequency)


def body(message: EmailMessage, subtype="plain") -> str:
    return message.get_body(preferencelist=(subtype,)).get_content()
