"""How values are written on pages: dates in Hong Kong time, money, facet titles, links
that change the query. ``careerexpo/templating.py`` gives them to the templates."""

from datetime import date, datetime
from functools import lru_cache

from babel.lists import format_list
from flask import current_app, request, url_for
from flask_babel import format_date, format_datetime, format_percent, get_locale, gettext, ngettext

from careerexpo.core import enums
from careerexpo.core.hktime import to_hk
from careerexpo.core.i18n import language_tag, locale_name, translate, whole_number

# One way to write a day and a time in each language: no seconds, and a month that
# cannot be read as a day ("3 Dec 2026", never "12/3/26", which Hong Kong reads as
# 12 March). Times are Hong Kong's, as every page says.
PATTERNS = {
    "en": {"date": "d MMM y", "datetime": "d MMM y, h:mm a", "time": "h:mm a"},
    "zh": {"date": "y年M月d日", "datetime": "y年M月d日 ah:mm", "time": "ah:mm"},
}


def _pattern(kind: str, locale: str) -> str:
    return PATTERNS.get(locale.split("_")[0], PATTERNS["en"])[kind]


def hk_datetime(value: datetime | None) -> str:
    """A moment, to the minute, in Hong Kong time."""
    return _written_time(value, "datetime", locale_name()) if value else ""


def hk_time(value: datetime | None) -> str:
    """The time of day of a moment, in Hong Kong time."""
    return _written_time(value, "time", locale_name()) if value else ""


def hk_date(value: datetime | date | None) -> str:
    """A day; a moment's day in Hong Kong."""
    if value is None:
        return ""
    day = to_hk(value).date() if isinstance(value, datetime) else value
    return _written_date(day, locale_name())


# Pages show the same few days over and over (postings of a day, closing at the end of
# a day), and Babel's formatting costs more than the rest of a role's card. The locale
# is part of each key; the timezone is always Hong Kong's.
@lru_cache(maxsize=4096)
def _written_date(day: date, locale: str) -> str:
    return format_date(day, _pattern("date", locale))


@lru_cache(maxsize=4096)
def _written_time(moment: datetime, kind: str, locale: str) -> str:
    return format_datetime(moment, _pattern(kind, locale))


def minutes(seconds: float | None) -> str:
    """A duration in whole minutes, the locale's way ("2 min"); under a minute is "< 1 min"."""
    if seconds is None:
        return "—"
    whole = round(seconds / 60)
    if whole < 1:
        return gettext("less than a minute")
    return ngettext("%(num)s min", "%(num)s min", whole)


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
