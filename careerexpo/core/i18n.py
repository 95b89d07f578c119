"""Locale and timezone: English, Traditional Chinese (Hong Kong) and Simplified Chinese.

The locale comes from ``?lang=``, then the footer's choice (a cookie), then the
browser's languages. Every date and time is shown in Asia/Hong_Kong whatever the
server's clock says.
"""

from functools import cache, lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from flask import Flask, current_app, g, has_app_context, has_request_context, request, url_for
from flask_babel import format_number, get_locale, get_translations
from jinja2 import pass_context
from markupsafe import Markup

from careerexpo.extensions import babel

LANGUAGE_COOKIE = "lang"
# Each language is offered in its own words, whatever the page's language.
LANGUAGE_NAMES = {"en": "English", "zh_Hant_HK": "繁體中文", "zh_Hans_CN": "简体中文"}


def select_locale() -> str | None:
    """The ?lang= or cookie choice, else the browser's best match; English by default."""
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    supported = tuple(current_app.config["LANGUAGES"])
    wanted = request.args.get("lang") or request.cookies.get(LANGUAGE_COOKIE)
    if wanted in supported:
        return wanted
    for tag, _quality in request.accept_languages:  # best first
        found = _offered_for(tag, supported)
        if found:
            return found
    return current_app.config["BABEL_DEFAULT_LOCALE"]


@lru_cache(maxsize=512)
def _offered_for(tag: str, supported: tuple[str, ...]) -> str | None:
    """The supported locale in the language and script of a browser's tag: zh-TW and
    zh-HK read Traditional, zh-CN, zh-SG and plain zh Simplified (as CLDR's likely
    subtags say), en-GB English. Matching on the language alone would give every
    Chinese reader whichever Chinese is listed first."""
    try:
        wanted = Locale.parse(tag.replace("_", "-"), sep="-")
    except (ValueError, UnknownLocaleError):
        return None
    script = wanted.script or _likely_script(wanted.language)
    for code in supported:
        offered = Locale.parse(code)
        if offered.language == wanted.language and (
                not offered.script or not script or offered.script == script):
            return code
    return None


def _likely_script(language: str) -> str | None:
    likely = get_global("likely_subtags").get(language)
    return Locale.parse(likely).script if likely else None


_UNSET = object()


def _once_per_request(name: str, compute):
    """``compute()``, kept for the rest of the request (the app context outside one)."""
    if not has_app_context():
        return compute()
    found = g.get(name, _UNSET)
    if found is _UNSET:
        found = compute()
        setattr(g, name, found)
    return found


def locale_name() -> str:
    """The request's locale as its code ("zh_Hant_HK"); English when there is none."""
    return str(get_locale() or "en")


def catalogue():
    """The catalogue of the request's locale, looked up once per request: Flask-Babel
    looks it up again, a dozen context lookups, for every string, and a page has dozens."""
    return _once_per_request("_catalogue", get_translations)


def translate(message: str) -> str:
    """``gettext`` for constant strings shown many times a page, such as enum labels."""
    return catalogue().ugettext(message)


@cache
def _thousands_separator(locale_name: str) -> str | None:
    """The locale's group separator if it groups whole numbers in threes, else ``None``."""
    locale = Locale.parse(locale_name)
    if locale.decimal_formats[None].grouping != (3, 3):
        return None
    return locale.number_symbols["latn"]["group"]


def whole_number(value) -> str:
    """A count written the locale's way ("1,536"); a search page writes sixty of them, and
    Babel's general number patterns cost more than the rest of the page's arithmetic."""
    if type(value) is int:
        separator = _once_per_request(
            "_separator", lambda: _thousands_separator(locale_name()))
        if separator is not None:
            return f"{value:,}".replace(",", separator)
    return format_number(value)


def _format(context, text: str, variables: dict) -> str:
    # As Jinja's own newstyle gettext: escaped, and always a format string. Most strings
    # have no placeholder and no "%%", and formatting those would change nothing.
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % variables if variables or "%" in text else text


@pass_context
def template_gettext(context, string: str, /, **variables) -> str:
    return _format(context, catalogue().ugettext(string), variables)


@pass_context
def template_ngettext(context, singular: str, plural: str, num: int, /, **variables) -> str:
    variables.setdefault("num", num)
    return _format(context, catalogue().ungettext(singular, plural, num), variables)


def language_tag(code: str) -> str:
    """``zh_Hant_HK`` as HTML's ``lang`` attribute writes it: ``zh-Hant-HK``."""
    return code.replace("_", "-")


def language_choices() -> list[dict]:
    """The languages on offer, each with a link that switches to it and comes back here."""
    current = locale_name()
    here = request.full_path.rstrip("?")
    return [{"code": code, "name": LANGUAGE_NAMES.get(code, code), "tag": language_tag(code),
             "current": code == current,
             "href": url_for("main.choose_language", code=code, next=here)}
            for code in current_app.config["LANGUAGES"]]


def remember_language(response, code: str):
    """Keeps the visitor's choice for a year (a preference, not a secret)."""
    response.set_cookie(LANGUAGE_COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax",
                        secure=current_app.config["SESSION_COOKIE_SECURE"], httponly=True)
    return response


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
