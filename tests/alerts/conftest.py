"""A real SMTP server on loopback (aiosmtpd) that keeps what arrives, and alert helpers."""

import email
import socket
from email import policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

from careerexpo.alerts.models import AlertFrequency
from careerexpo.alerts.services import save_alert
from careerexpo.feeds.searches import query_from_string


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """aiosmtpd's handler: every message the server accepted, parsed."""

    def __init__(self):
        self.messages: list[EmailMessage] = []
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        self.messages.append(email.message_from_bytes(envelope.original_content,
                                                      policy=policy.default))
        return "250 Message accepted for delivery"


def start_server(handler, **kwargs) -> tuple[Controller, int]:
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    return controller, port


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
