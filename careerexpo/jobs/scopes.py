"""The filters a search page has no facet for -- a company, an expo -- named for the page.

Links into the search carry them ("More roles at …" on a role, "Search this expo's
roles" in a hall); the page shows each by name with a way to drop it, so no
search is narrowed by something the visitor cannot see.
"""

from dataclasses import dataclass

import sqlalchemy as sa

from careerexpo.companies.models import Company
from careerexpo.core.pagination import is_whole_number
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.jobs.search import JobQuery


@dataclass(frozen=True)
class Scope:
    kind: str  # the query argument: "company" or "expo"
    label: str  # the company's or the expo's name
    others: list[str] | None  # the argument's other values, to drop this one (None: none left)


def scopes(query: JobQuery) -> list[Scope]:
    """One per company and expo the search is narrowed to, in the order asked for."""
    ids = [int(c) for c in query.companies if is_whole_number(c)]
    companies = dict(db.session.execute(
        sa.select(Company.id, Company.name).where(Company.id.in_(ids))).all()) if ids else {}
    expos = dict(db.session.execute(
        sa.select(Expo.slug, Expo.name).where(Expo.slug.in_(query.expos))).all()
    ) if query.expos else {}

    def label(kind: str, value: str) -> str:
        if kind == "expo":
            return expos.get(value, value)
        return companies.get(int(value), value) if is_whole_number(value) else value

    out = []
    for kind, values in (("company", query.companies), ("expo", query.expos)):
        for value in values:
            others = [v for v in values if v != value]
            out.append(Scope(kind, label(kind, value), others or None))
    return out
