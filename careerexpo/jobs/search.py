"""Job search: what a person asks for, answered by the search index (careerexpo/search).

The HTML listing, the JSON API and the feeds all call ``search_jobs`` with a
``JobQuery``; ``JobQuery.from_args`` turns query-string arguments into one and
raises ``BadParameter`` naming the first argument it cannot use. The index finds
and counts; the page's rows are then read from the database, the system of
record, and a role that stopped being listed meanwhile is left off.
"""

from dataclasses import dataclass, field, replace
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import contains_eager

from careerexpo.companies.models import Company
from careerexpo.core.database import utcnow
from careerexpo.core.enums import FACETS, JobState
from careerexpo.core.errors import BadParameter
from careerexpo.core.pagination import is_whole_number, parse_page
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.search import query as index_query
from careerexpo.search.engine import search_engine

SORTS = ("relevance", "newest", "salary")
MAX_PER_PAGE = 100
TRUE_WORDS = {"true": True, "false": False}
# "Posted within" choices, in days, and salary floors (monthly HKD), as the page offers them.
POSTED_WITHIN = (1, 3, 7, 14, 30)
SALARY_FLOORS = (20_000, 30_000, 40_000, 50_000, 70_000, 100_000)
MAX_SALARY = 10_000_000


@dataclass(frozen=True)
class JobQuery:
    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    open_to_overseas: bool | None = None
    companies: tuple[str, ...] = ()
    expos: tuple[str, ...] = ()
    sort: str | None = None
    page: int = 1
    per_page: int = 20
    # Monthly HKD the role's range reaches (its top, or its bottom when it has no top).
    salary_min: int | None = None
    # Posted within this many days.
    posted_within: int | None = None

    @classmethod
    def from_args(cls, args, default_per_page: int = 20) -> "JobQuery":
        """Reads a ``MultiDict`` of query arguments; every filter may repeat."""
        for name, value in args.items(multi=True):
            # PostgreSQL cannot compare text with NUL in it; no search needs control characters.
            if any(ord(c) < 32 for c in value):
                raise BadParameter(name, "must not contain control characters")
        filters = {}
        for name, enum_cls in FACETS.items():
            values = _values(args, name)
            for value in values:
                if value not in enum_cls.keys():
                    expected = ", ".join(enum_cls.keys())
                    raise BadParameter(name, f"unknown value {value!r}; expected one of {expected}")
            if values:
                filters[name] = values
        overseas = _values(args, "open_to_overseas")
        for value in overseas:
            if value not in TRUE_WORDS:
                raise BadParameter("open_to_overseas", "must be true or false")
        sort = _single(args, "sort")
        if sort is not None and sort not in SORTS:
            raise BadParameter("sort", f"must be one of {', '.join(SORTS)}")
        per_page_raw = _single(args, "per_page")
        if per_page_raw is None:
            per_page = default_per_page
        elif not is_whole_number(per_page_raw) or not 1 <= int(per_page_raw) <= MAX_PER_PAGE:
            raise BadParameter("per_page", f"must be a whole number from 1 to {MAX_PER_PAGE}")
        else:
            per_page = int(per_page_raw)
        salary = _single(args, "salary_min")
        if salary is not None and not (is_whole_number(salary)
                                       and 0 <= int(salary) <= MAX_SALARY):
            raise BadParameter("salary_min", f"must be a whole number from 0 to {MAX_SALARY}")
        within = _single(args, "posted_within")
        if within is not None and within not in {str(d) for d in POSTED_WITHIN}:
            raise BadParameter("posted_within",
                               f"must be one of {', '.join(map(str, POSTED_WITHIN))} (days)")
        q = (_single(args, "q") or "").strip()
        if len(q) > 200:
            raise BadParameter("q", "must be at most 200 characters")
        return cls(
            q=q,
            filters=filters,
            # Both true and false means either: no filter.
            open_to_overseas=TRUE_WORDS[overseas[0]] if len(overseas) == 1 else None,
            companies=tuple(dict.fromkeys(c.strip() for c in args.getlist("company")
                                          if c.strip())),
            expos=_values(args, "expo"),
            sort=sort,
            page=parse_page(_single(args, "page")),
            per_page=per_page,
            salary_min=int(salary) if salary is not None else None,
            posted_within=int(within) if within is not None else None,
        )

    @property
    def effective_sort(self) -> str:
        """Best match first when there are words to match, unless another sort was picked."""
        if self.sort == "relevance" and not self.q:
            return "newest"
        return self.sort or ("relevance" if self.q else "newest")

    @property
    def narrowed(self) -> bool:
        """Whether any filter besides the words is set."""
        return bool(self.filters or self.open_to_overseas is not None or self.companies
                    or self.expos or self.salary_min is not None or self.posted_within)

    def with_page(self, page: int) -> "JobQuery":
        return replace(self, page=page)


def _values(args, name: str) -> tuple[str, ...]:
    """A filter's values: it may repeat (``level=entry&level=middle`` means either)."""
    return tuple(dict.fromkeys(v for v in args.getlist(name) if v != ""))


def _single(args, name: str) -> str | None:
    """A setting that is not a filter (the text, sort, page, page size): given once, or
    repeated with the same value; otherwise which one counts would be a guess."""
    values = _values(args, name)
    if len(values) > 1:
        raise BadParameter(name, "must be given once")
    return values[0] if values else None


@dataclass
class SearchResult:
    items: list[Job]
    total: int
    page: int
    per_page: int
    facets: dict[str, dict[str, int]]
    sort: str
    # Names for the company and expo facets' keys: {"company": {"12": "Acme"}, "expo": …}
    facet_labels: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def listed_condition(now: datetime | None = None):
    """Jobs that are open and not past their closing time."""
    now = now or utcnow()
    return sa.and_(
        Job.state == JobState.OPEN, sa.or_(Job.closes_at.is_(None), Job.closes_at > now)
    )


def _company_ids(companies: tuple[str, ...]) -> tuple[int, ...] | None:
    if not companies:
        return None
    # Digits name a company by id; an id past any database's integers names none.
    ids = {int(c) for c in companies if is_whole_number(c)}
    names = [c.lower() for c in companies if not c.isascii() or not c.isdigit()]
    if names:
        ids.update(db.session.scalars(
            sa.select(Company.id).where(sa.func.lower(Company.name).in_(names))))
    return tuple(sorted(i for i in ids if i < 2**63))


def _expo_ids(slugs: tuple[str, ...]) -> tuple[int, ...] | None:
    if not slugs:
        return None
    found = dict(db.session.execute(
        sa.select(Expo.slug, Expo.id).where(Expo.slug.in_(slugs))).all())
    for slug in slugs:
        if slug not in found:
            raise BadParameter("expo", f"no expo {slug!r}")
    return tuple(found.values())


def _labelled_facets(facets: dict) -> tuple[dict, dict]:
    """Company and expo counts keyed as the filters take them (id, slug), with names."""
    companies = dict(db.session.execute(sa.select(Company.id, Company.name).where(
        Company.id.in_(facets["company"]))).all()) if facets["company"] else {}
    expos = {row.id: row for row in db.session.execute(sa.select(Expo.id, Expo.slug, Expo.name)
                                                       .where(Expo.id.in_(facets["expo"])))
             } if facets["expo"] else {}
    facets["company"] = {str(i): n for i, n in facets["company"].items() if i in companies}
    facets["expo"] = {expos[i].slug: n for i, n in facets["expo"].items() if i in expos}
    labels = {"company": {str(i): name for i, name in companies.items()},
              "expo": {e.slug: e.name for e in expos.values()}}
    return facets, labels


def search_jobs(query: JobQuery, with_facets: bool = True) -> SearchResult:
    sort = query.effective_sort
    if sort == "relevance" and not index_query.query_terms(query.q):
        sort = "newest"
    engine = search_engine()
    index = engine.index()
    found = index_query.run(index.searcher(), index.schema, index_query.IndexQuery(
        q=query.q, filters=query.filters, open_to_overseas=query.open_to_overseas,
        company_ids=_company_ids(query.companies), expo_ids=_expo_ids(query.expos),
        salary_at_least=query.salary_min, posted_within_days=query.posted_within,
        sort=sort, offset=(query.page - 1) * query.per_page, limit=query.per_page,
    ), with_facets=with_facets)
    facets, labels = _labelled_facets(found.facets) if with_facets else ({}, {})
    if not found.ids:
        return SearchResult([], found.total, query.page, query.per_page, facets, sort, labels)
    jobs = db.session.scalars(sa.select(Job).join(Job.company)
                              .options(contains_eager(Job.company))
                              .where(Job.id.in_(found.ids), listed_condition())).unique()
    by_id = {job.id: job for job in jobs}
    # A role that closed since the index last heard of it is left out rather than shown.
    items = [by_id[i] for i in found.ids if i in by_id]
    return SearchResult(items, found.total, query.page, query.per_page, facets, sort, labels)
