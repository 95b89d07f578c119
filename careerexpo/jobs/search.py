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
from careerexpo.core import args as arguments
from careerexpo.core.database import utcnow
from careerexpo.core.enums import FACETS, JobState
from careerexpo.core.errors import BadParameter
from careerexpo.core.pagination import is_whole_number
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
        """Reads a ``MultiDict`` of query arguments; every filter may repeat.

        :raise BadParameter: naming the first argument that cannot be used.
        """
        arguments.refuse_control_characters(args)
        filters = {name: given for name, enum_cls in FACETS.items()
                   if (given := arguments.choices(args, name, enum_cls.keys()))}
        overseas = arguments.values(args, "open_to_overseas")
        for value in overseas:
            if value not in TRUE_WORDS:
                raise BadParameter("open_to_overseas", "must be true or false")
        sort = arguments.single(args, "sort")
        if sort is not None and sort not in SORTS:
            raise BadParameter("sort", f"must be one of {', '.join(SORTS)}")
        salary = (arguments.whole_number(args, "salary_min", 0, MAX_SALARY, -1)
                  if arguments.single(args, "salary_min") is not None else None)
        within = arguments.choice(args, "posted_within", [str(d) for d in POSTED_WITHIN])
        return cls(
            q=arguments.text(args, "q", 200),
            filters=filters,
            # Both true and false means either: no filter.
            open_to_overseas=TRUE_WORDS[overseas[0]] if len(overseas) == 1 else None,
            companies=tuple(dict.fromkeys(c.strip() for c in args.getlist("company")
                                          if c.strip())),
            expos=arguments.values(args, "expo"),
            sort=sort,
            page=arguments.page(args),
            per_page=arguments.whole_number(args, "per_page", 1, MAX_PER_PAGE,
                                            default_per_page),
            salary_min=salary,
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
