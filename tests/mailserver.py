"""A real SMTP server on loopback (aiosmtpd) that keeps what arrives."""

import email
import socket
import threading
import time
from contextlib import contextmanager
from email import policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """aiosmtpd's handler: every message the server accepted, parsed."""

    def __init__(self):
        self.messages: list[EmailMessage] = []
        self.envelopes = []
        self._arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        with self._arrived:
            self.envelopes.append(envelope)
            self.messages.append(email.message_from_bytes(envelope.original_content,
                                                          policy=policy.default))
            self._arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, count: int = 1, timeout: float = 5.0) -> list[EmailMessage]:
        """The first ``count`` messages, waiting for them to arrive (some are sent from
        another thread, after the page answered)."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self.messages) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{len(self.messages)} of {count} emails arrived")
                self._arrived.wait(left)
            return self.messages[:count]


def start_server(handler, **kwargs) -> tuple[Controller, int]:
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    return controller, port


def point_app_at(app, port: int, sender="CareerExpo <no-reply@careerexpo.test>") -> None:
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_USE_TLS=False,
                      MAIL_USE_SSL=False, MAIL_SENDER=sender)


@contextmanager
def receiving_mail(app, **settings):
    """A mail server on loopback for the block, with ``app`` sending to it; yields its inbox."""
    handler = Inbox()
    controller, port = start_server(handler)
    point_app_at(app, port, **settings)
    try:
        yield handler
    finally:
        wait_for_senders()
        controller.stop()


# The names careerexpo gives the threads that send email after a page has answered.
SENDER_THREADS = ("account-email", "meeting-email")


def wait_for_senders(timeout: float = 10.0) -> None:
    """Lets emails still on their way finish their SMTP conversation: a server stopped
    under an open connection leaves its transport to the garbage collector, which warns
    in whichever test happens to run next."""
    deadline = time.monotonic() + timeout
    for thread in threading.enumerate():
        if thread.name in SENDER_THREADS:
            thread.join(max(0.0, deadline - time.monotonic()))
