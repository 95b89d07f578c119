"""Locale and timezone: English first, Traditional and Simplified Chinese to follow.

Every date and time is shown in Asia/Hong_Kong whatever the server's clock says.
"""

from flask import Flask, request

from careerexpo.extensions import babel


def select_locale() -> str | None:
    from flask import current_app

    supported = current_app.config["LANGUAGES"]
    wanted = request.args.get("lang") or request.cookies.get("lang")
    if wanted in supported:
        return wanted
    return request.accept_languages.best_match(supported) or "en"


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
