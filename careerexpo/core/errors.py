"""One error handler that answers JSON to API clients and HTML to browsers."""

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException


class BadParameter(Exception):
    """A query or body parameter that cannot be used; answered with a 400 naming it."""

    def __init__(self, parameter: str, message: str):
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


def wants_json() -> bool:
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes[
        "text/html"
    ]


def _json_error(status: int, message: str, **extra):
    body = {"error": {"status": status, "message": message, **extra}}
    return jsonify(body), status


def _exception_headers(exc: HTTPException) -> list[tuple[str, str]]:
    """What the error itself says besides its body: Allow (405), WWW-Authenticate (401)…"""
    return [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]


def _own_words(exc: HTTPException) -> str | None:
    """What the code that raised the error said (already in the reader's language), or
    ``None`` where Werkzeug's English sentence would be all there is to show."""
    description = exc.description
    return description if description and description != type(exc).description else None


def handle_http_error(exc: HTTPException):
    if wants_json():
        body, status = _json_error(exc.code or 500, exc.description or exc.name)
        return body, status, _exception_headers(exc)
    return (render_template("errors/error.html", error=exc, message=_own_words(exc)),
            exc.code, _exception_headers(exc))


def handle_bad_parameter(exc: BadParameter):
    if wants_json():
        return _json_error(400, exc.message, parameter=exc.parameter)
    # The page says which part of the address is wrong in the reader's language; the
    # technical detail (English, for developers) is in the JSON answer only.
    message = _("The “%(parameter)s” part of this address is not something we can show. "
                "Check the link, or start again from the search.", parameter=exc.parameter)
    return render_template("errors/error.html", error=exc, status=400, message=message), 400


def handle_csrf_error(exc: CSRFError):
    message = _("The form had expired or came from another site. Please try again.")
    if wants_json():
        return _json_error(400, message)
    return render_template("errors/error.html", error=exc, message=message), 400


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(BadParameter, handle_bad_parameter)
