"""Text people send: what it may hold.

Tabs and line breaks are text; NUL and the other control characters are not. No one
types them, PostgreSQL refuses NUL outright, and they hide things in names and
messages (a room name with a trailing newline, a company name that prints blank).
So they are refused with a clear error wherever text comes in (forms, the JSON API,
chat, imports) rather than stored.
"""

import re

from flask import Flask, request
from flask_babel import gettext as _
from werkzeug.exceptions import BadRequest

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_control_characters(text: str) -> bool:
    return bool(_CONTROL.search(text))


class ControlCharacters(BadRequest):
    """A form field holds control characters; the page names the field."""

    def __init__(self, field: str):
        super().__init__(_("The field “%(field)s” holds control characters, which cannot be "
                           "saved. Remove them and send it again.", field=field))


def _refuse_control_characters_in_forms() -> None:
    for name, value in request.form.items(multi=True):
        if has_control_characters(value):
            raise ControlCharacters(name)


def init_app(app: Flask) -> None:
    app.before_request(_refuse_control_characters_in_forms)
