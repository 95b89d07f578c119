"""How values are written on pages: dates in Hong Kong time, money, facet titles, links
that change the query. ``careerexpo/templating.py`` gives them to the templates."""

from datetime import date, datetime
from functools import lru_cache

from babel.lists import format_list
from flask import current_app, request, url_for
from flask_babel import format_date, format_datetime, format_percent, get_locale

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


def area_label(key: str) -> str:
    return enums.Area(key).label


def list_of(items) -> str:
    """"a, b and c", the locale's way."""
    return format_list([str(item) for item in items], locale=get_locale())


def percent(share) -> str:
    """An exact share to one decimal, for tables: 0.7234 → "72.3%"."""
    return format_percent(float(share), "#,##0.0%")
