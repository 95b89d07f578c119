"""The filters a search is narrowed by, each named for the page with a way to drop it.

Every active filter shows as a removable chip above the results -- a level, a
company, an expo, a salary, a posting date -- so no search is narrowed by
something the visitor cannot see, and any one filter goes with one click.
"""

from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import ngettext

from careerexpo.companies.models import Company
from careerexpo.core.enums import FACETS
from careerexpo.core.pagination import is_whole_number
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.jobs.search import JobQuery


@dataclass(frozen=True)
class Scope:
    kind: str  # the query argument it comes from: "level", "company", "salary_min"…
    label: str  # what it says: "Entry level", "Company: Acme", "Posted in the last 7 days"
    others: list[str] | None  # the argument's other values, to drop this one (None: none left)


def _names(query: JobQuery) -> tuple[dict[int, str], dict[str, str]]:
    ids = [int(c) for c in query.companies if is_whole_number(c)]
    companies = dict(db.session.execute(
        sa.select(Company.id, Company.name).where(Company.id.in_(ids))).all()) if ids else {}
    expos = dict(db.session.execute(
        sa.select(Expo.slug, Expo.name).where(Expo.slug.in_(query.expos))).all()
    ) if query.expos else {}
    return companies, expos


def scopes(query: JobQuery) -> list[Scope]:
    """One per active filter, facets first, in the order they were asked for."""
    companies, expos = _names(query)
    out = []

    def add(kind: str, values, label) -> None:
        for value in values:
            others = [v for v in values if v != value]
            out.append(Scope(kind, label(value), others or None))

    for name, enum_cls in FACETS.items():
        add(name, query.filters.get(name, ()), lambda v, e=enum_cls: e(v).label)
    if query.open_to_overseas is not None:
        out.append(Scope("open_to_overseas", _("Open to overseas & GBA talent")
                         if query.open_to_overseas else _("Not open to overseas talent"), None))
    add("company", query.companies, lambda v: _(
        "Company: %(name)s",
        name=companies.get(int(v), v) if is_whole_number(v) else v))
    add("expo", query.expos, lambda v: _("Expo: %(name)s", name=expos.get(v, v)))
    if query.salary_min is not None:
        out.append(Scope("salary_min", _("Salary from HK$%(amount)s a month",
                                         amount=f"{query.salary_min:,}"), None))
    if query.posted_within:
        out.append(Scope("posted_within", ngettext(
            "Posted in the last day", "Posted in the last %(num)d days",
            query.posted_within), None))
    return out
