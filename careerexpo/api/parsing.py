"""Reading JSON bodies and query strings with schemas, failing as the rest of the API fails.

webargs answers a validation error with 422 and a shape of its own; here every
problem is a 400 in the API's error shape, naming the field at fault:
``{"error": {"status": 400, "message", "parameter", "fields": {field: [message…]}}}``.
"""

import json

from flask import jsonify
from webargs.flaskparser import FlaskParser

from careerexpo.core.errors import BadParameter
from careerexpo.core.text import has_control_characters

BODY = "body"


class InvalidInput(BadParameter):
    """Fields of a body or query that the schema refused; ``fields`` holds every message."""

    def __init__(self, fields: dict[str, list[str]]):
        parameter = next(iter(fields))
        super().__init__(parameter, f"{parameter}: {' '.join(fields[parameter])}")
        self.fields = fields


def _messages(value) -> list[str]:
    """Every message under a field, whatever nesting list items or dict values add."""
    if isinstance(value, dict):
        return [m for inner in value.values() for m in _messages(inner)]
    if isinstance(value, list | tuple):
        return [m for inner in value for m in _messages(inner)]
    return [str(value)]


def _by_field(messages: dict) -> dict[str, list[str]]:
    """``{"json": {"title": ["…"]}}`` → ``{"title": ["…"]}``; schema-wide errors are the body's."""
    out: dict[str, list[str]] = {}
    for location_messages in messages.values():
        if not isinstance(location_messages, dict):
            location_messages = {"_schema": location_messages}
        for field, value in location_messages.items():
            out.setdefault(BODY if field == "_schema" else str(field), []).extend(_messages(value))
    return out or {BODY: ["is not valid"]}


class ApiParser(FlaskParser):
    DEFAULT_VALIDATION_STATUS = 400

    def handle_error(self, error, req, schema, *, error_status_code, error_headers):
        raise InvalidInput(_by_field(error.normalized_messages()))

    def _handle_invalid_json_error(self, error, req, *args, **kwargs):
        raise BadParameter(BODY, "is not valid JSON")

    def _raw_load_json(self, req):
        if not req.is_json:
            # Without this a body sent as a form, or none at all, would read as {}.
            raise BadParameter(BODY, "send a JSON object, with Content-Type: application/json")
        try:
            body = super()._raw_load_json(req)
        except json.JSONDecodeError:
            raise
        except (ValueError, RecursionError):
            # Numbers of thousands of digits, or arrays nested thousands deep.
            raise BadParameter(BODY, "is not JSON this API can read") from None
        try:
            _refuse_control_characters(body, BODY)
        except RecursionError:
            raise BadParameter(BODY, "is not JSON this API can read") from None
        return body


def _refuse_control_characters(value, where: str) -> None:
    """:raise BadParameter: naming the first field whose text holds control characters."""
    if isinstance(value, str) and has_control_characters(value):
        raise BadParameter(where, "must not contain control characters")
    if isinstance(value, dict):
        for key, inner in value.items():
            _refuse_control_characters(inner, str(key) if where == BODY else f"{where}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            _refuse_control_characters(inner, f"{where}[{index}]")


def handle_invalid_input(exc: InvalidInput):
    body = {"status": 400, "message": exc.message, "parameter": exc.parameter,
            "fields": exc.fields}
    return jsonify({"error": body}), 400
