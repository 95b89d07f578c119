"""A real SMTP server on loopback for the account emails (registration, password reset)."""

import re

import pytest

from tests.mailserver import receiving_mail


@pytest.fixture
def inbox(app):
    with receiving_mail(app) as handler:
        yield handler


def link_in(message, path: str) -> str:
    """The path of the first link to ``path`` (e.g. ``/auth/reset/``) in a plain email."""
    found = re.search(r"https?://[^/\s]+(" + re.escape(path) + r"\S+)",
                      message.get_body().get_content())
    assert found, message.get_body().get_content()
    return found.group(1)
