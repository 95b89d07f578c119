"""Jinja filters and globals: dates in Hong Kong time, enum labels, money, page links."""

import os
from datetime import date, datetime
from functools import lru_cache

from flask import Flask, current_app, request, url_for
from flask_babel import format_date, format_datetime
from jinja2 import FileSystemBytecodeCache

from careerexpo.core import enums
from careerexpo.core.hktime import to_hk
from careerexpo.core.i18n import language_tag, locale_name, translate, whole_number


def hk_datetime(value: datetime | None, fmt: str = "medium") -> str:
    return _written_time(value, fmt, locale_name()) if value else ""


def hk_date(value: datetime | date | None, fmt: str = "medium") -> str:
    if value is None:
        return ""
    day = to_hk(value).date() if isinstance(value, datetime) else value
    return _written_date(day, fmt, locale_name())


# Pages show the same few days over and over (postings of a day, closing at the end of
# a day), and Babel's formatting costs more than the rest of a role's card. The locale
# is part of each key; the timezone is always Hong Kong's.
@lru_cache(maxsize=4096)
def _written_date(day: date, fmt: str, _locale: str) -> str:
    return format_date(day, fmt)


@lru_cache(maxsize=4096)
def _written_time(moment: datetime, fmt: str, _locale: str) -> str:
    return format_datetime(moment, fmt)


def hkd(value: int | None) -> str:
    return "" if value is None else "HK$" + whole_number(value)


def url_with(**changes) -> str:
    """The current URL with some query arguments replaced (``None`` drops one)."""
    args = request.args.to_dict(flat=False)
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = value
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def current_locale_tag() -> str:
    return language_tag(locale_name())


def facet_title(name: str) -> str:
    return translate(enums.FACET_TITLES[name])


def has_endpoint(name: str) -> bool:
    """Whether a page exists, for links to features an installation may leave out."""
    return name in current_app.view_functions


def init_app(app: Flask) -> None:
    if app.config.get("TEMPLATE_CACHE_DIR"):
        # Jinja's own bytecode cache: a new worker's first page of each kind would otherwise
        # spend tens of milliseconds compiling templates. Entries are keyed on the source's
        # checksum, so an edited template is compiled afresh.
        os.makedirs(app.config["TEMPLATE_CACHE_DIR"], exist_ok=True)
        app.jinja_env.bytecode_cache = FileSystemBytecodeCache(app.config["TEMPLATE_CACHE_DIR"])
    app.jinja_env.filters.update(hk_datetime=hk_datetime, hk_date=hk_date, hkd=hkd,
                                 format_number=whole_number)
    app.jinja_env.globals.update(url_with=url_with, current_locale_tag=current_locale_tag,
                                 enums=enums, FACETS=enums.FACETS, facet_title=facet_title,
                                 has_endpoint=has_endpoint)
