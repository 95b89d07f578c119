"""A real SMTP server on loopback (tests/mailserver.py) for the alerts, and alert helpers."""

from email.message import EmailMessage

import pytest

from careerexpo.alerts.models import AlertFrequency
from careerexpo.alerts.services import save_alert
from careerexpo.feeds.searches import query_from_string
from tests.mailserver import receiving_mail


@pytest.fixture
def inbox(app):
    """A mail server on loopback, and the app pointed at it."""
    with receiving_mail(app, sender="CareerExpo <alerts@careerexpo.test>") as handler:
        yield handler


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
