"""Locale and timezone: English first, Traditional and Simplified Chinese to follow.

Every date and time is shown in Asia/Hong_Kong whatever the server's clock says.
"""

from flask import Flask, current_app, has_request_context, request

from careerexpo.extensions import babel


def select_locale() -> str | None:
    """The ?lang= or cookie choice, else the browser's best match; English by default."""
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    supported = current_app.config["LANGUAGES"]
    wanted = request.args.get("lang") or request.cookies.get("lang")
    if wanted in supported:
        return wanted
    return request.accept_languages.best_match(supported) or "en"


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
