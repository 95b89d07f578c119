"""A search as something to keep: its canonical query string, and how it reads.

The Atom feed links and the job alerts store a ``JobQuery`` as its filters only
(no page, size or order), always written the same way, so the same search is the
same string and ``JobQuery.from_args`` reads it back exactly as /jobs would.
"""

from urllib.parse import parse_qsl, urlencode

from flask_babel import gettext as _
from flask_babel import ngettext
from werkzeug.datastructures import MultiDict

from careerexpo.core.enums import FACETS
from careerexpo.jobs.search import JobQuery


def search_args(query: JobQuery) -> dict[str, list[str]]:
    """The query's filters as query-string arguments, for ``url_for(**…)``."""
    args: dict[str, list[str]] = {}
    if query.q:
        args["q"] = [query.q]
    for name in FACETS:
        if query.filters.get(name):
            args[name] = sorted(query.filters[name])
    if query.open_to_overseas is not None:
        args["open_to_overseas"] = ["true" if query.open_to_overseas else "false"]
    if query.companies:
        args["company"] = sorted(query.companies)
    if query.expos:
        args["expo"] = sorted(query.expos)
    if query.salary_min is not None:
        args["salary_min"] = [str(query.salary_min)]
    if query.posted_within:
        args["posted_within"] = [str(query.posted_within)]
    return args


def canonical_query(query: JobQuery) -> str:
    """``level=entry&q=data``: the filters in a fixed order, for storing and comparing."""
    return urlencode([(k, v) for k, values in sorted(search_args(query).items())
                      for v in values])


def query_from_string(text: str, **kwargs) -> JobQuery:
    """Reads a canonical query back. :raise BadParameter: as ``JobQuery.from_args`` does."""
    return JobQuery.from_args(MultiDict(parse_qsl(text, keep_blank_values=True)), **kwargs)


def describe(query: JobQuery) -> str:
    """How the search reads to a person: “data” · Entry level, Middle level · Hong Kong."""
    parts = [_("“%(q)s”", q=query.q)] if query.q else []
    for name, enum_cls in FACETS.items():
        values = query.filters.get(name)
        if values:
            parts.append(", ".join(enum_cls(v).label for v in values))
    if query.open_to_overseas is not None:
        parts.append(_("Open to overseas & GBA talent") if query.open_to_overseas
                     else _("Not open to overseas talent"))
    if query.companies:
        parts.append(", ".join(query.companies))
    if query.expos:
        parts.append(_("at %(expo)s", expo=", ".join(query.expos)))
    if query.salary_min is not None:
        parts.append(_("Salary from HK$%(amount)s a month", amount=f"{query.salary_min:,}"))
    if query.posted_within:
        parts.append(ngettext("Posted in the last day", "Posted in the last %(num)d days",
                              query.posted_within))
    return " · ".join(parts) or _("Every open role")
