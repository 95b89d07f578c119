"""Job search: full text, facet filters, facet counts, sorting and pages, all in SQL.

The HTML listing, the JSON API and the feeds all call ``search_jobs`` with a
``JobQuery``; ``JobQuery.from_args`` turns query-string arguments into one and
raises ``BadParameter`` naming the first argument it cannot use.
"""

import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import datetime

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import contains_eager

from careerexpo.booths.models import Booth
from careerexpo.companies.models import Company
from careerexpo.core import args as arguments
from careerexpo.core import caching
from careerexpo.core.database import member_counts, member_tallies, tally, utcnow
from careerexpo.core.enums import FACETS, JobState
from careerexpo.core.errors import BadParameter
from careerexpo.core.pagination import is_whole_number
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.jobs import search_index
from careerexpo.jobs.models import Job

SORTS = ("relevance", "newest", "salary")
MAX_PER_PAGE = 100
TRUE_WORDS = {"true": True, "false": False}


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
        )

    @property
    def effective_sort(self) -> str:
        if self.sort == "relevance" and not self.q:
            return "newest"
        return self.sort or ("relevance" if self.q else "newest")

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

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def listed_condition(now: datetime | None = None):
    """Jobs that are open and not past their closing time."""
    now = now or utcnow()
    return sa.and_(
        Job.state == JobState.OPEN, sa.or_(Job.closes_at.is_(None), Job.closes_at > now)
    )


def _text_match(terms):
    """A subquery of (job_id, score) for the jobs matching ``terms``; lower scores rank first."""
    if db.engine.dialect.name == "sqlite":
        fts = sa.table("job_fts")
        return (
            sa.select(
                sa.literal_column("job_fts.rowid").label("job_id"),
                sa.literal_column(f"bm25(job_fts, {search_index.SQLITE_WEIGHTS})").label("score"),
            )
            .select_from(fts)
            .where(sa.text("job_fts MATCH :fts_query").bindparams(
                fts_query=search_index.fts5_expression(terms)))
            .subquery("text_match")
        )
    table = sa.table("job_search", sa.column("job_id"), sa.column("document"))
    tsquery = sa.func.to_tsquery(sa.literal_column("'simple'"),
                                 sa.literal(search_index.tsquery_expression(terms)))
    return (
        sa.select(
            table.c.job_id.label("job_id"),
            (-sa.func.ts_rank_cd(table.c.document, tsquery)).label("score"),
        )
        .where(table.c.document.op("@@")(tsquery))
        .subquery("text_match")
    )


def _conditions(query: JobQuery) -> list:
    conditions = [listed_condition()]
    for name, values in query.filters.items():
        column = getattr(Job, name)
        conditions.append(column.in_(values))
    if query.open_to_overseas is not None:
        conditions.append(Job.open_to_overseas.is_(query.open_to_overseas))
    if query.companies:
        # Digits name a company by id; an id past any database's integers names none.
        ids = [int(c) for c in query.companies if is_whole_number(c)]
        names = [c.lower() for c in query.companies if not c.isascii() or not c.isdigit()]
        conditions.append(
            sa.or_(
                Job.company_id.in_(ids),
                Job.company_id.in_(
                    sa.select(Company.id).where(sa.func.lower(Company.name).in_(names))
                ),
            )
        )
    if query.expos:
        found = dict(db.session.execute(
            sa.select(Expo.slug, Expo.id).where(Expo.slug.in_(query.expos))).all())
        for slug in query.expos:
            if slug not in found:
                raise BadParameter("expo", f"no expo {slug!r}")
        conditions.append(Job.company_id.in_(
            sa.select(Booth.company_id).where(Booth.expo_id.in_(found.values()))))
    return conditions


def _facet_counts(conditions) -> tuple[int, dict[str, dict[str, int]]]:
    """The total and every facet's counts in one pass over the matching jobs.

    One ``COUNT(*) FILTER (WHERE …)`` per facet value rather than a ``GROUP BY``
    per facet: the database reads each matching row once instead of sorting the
    matches once per facet (several times faster at 100,000 jobs, bench/search.py).
    """
    columns = [sa.func.count().label("_total"),
               tally(Job.open_to_overseas.is_(True), "open_to_overseas:true")]
    for name, enum_cls in FACETS.items():
        columns += member_tallies(name, getattr(Job, name), enum_cls)
    row = db.session.execute(sa.select(*columns).where(*conditions)).one()._mapping
    total = int(row["_total"])
    facets = {name: member_counts(row, name, enum_cls, total)
              for name, enum_cls in FACETS.items()}
    overseas = int(row["open_to_overseas:true"])
    facets["open_to_overseas"] = {"true": overseas, "false": total - overseas}
    return total, facets


def _page_ids(query: JobQuery, sort: str, filters: list, text_match) -> list[int]:
    """The ids of the page's jobs, in order: sorting and skipping ids only, so the
    database never sorts whole rows, descriptions and all, to skip most of them."""
    offset = (query.page - 1) * query.per_page
    if sort == "relevance":
        # The join keeps only the matching jobs: an IN (...) as well would run the text
        # query a second time.
        stmt = (sa.select(Job.id).join(text_match, text_match.c.job_id == Job.id)
                .where(*filters)
                .order_by(text_match.c.score, Job.posted_at.desc(), Job.id.desc()))
    else:
        if sort == "salary":
            order = [Job.salary_max.desc().nulls_last(), Job.salary_min.desc().nulls_last(),
                     Job.id.desc()]
        else:
            order = [Job.posted_at.desc(), Job.id.desc()]
        conditions = filters
        if text_match is not None:
            conditions = [*filters, Job.id.in_(sa.select(text_match.c.job_id))]
        stmt = sa.select(Job.id).where(*conditions).order_by(*order)
    return list(db.session.scalars(stmt.limit(query.per_page).offset(offset)))


def _cache_key(kind: str, query: JobQuery, generation: int) -> str:
    parts = {"q": query.q, "filters": sorted(query.filters.items()),
             "overseas": query.open_to_overseas, "companies": sorted(query.companies),
             "expos": sorted(query.expos)}
    if kind == "page":
        parts.update(sort=query.effective_sort, page=query.page, per_page=query.per_page)
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:32]
    return f"search-{kind}:{generation}:{digest}"


def _cached(kind: str, query: JobQuery, generation: int | None, compute):
    """``compute()``, or what it gave for the same search since the jobs last changed.

    Like a search engine's result cache: popular searches (the broad ones above
    all) are answered from memory, and any committed change to a job or company
    starts a new generation. ``SEARCH_CACHE_SECONDS`` bounds how long a result
    may miss a role that passed its closing time. ``generation`` is ``None`` when
    nothing may be cached (the cache is off or cannot be reached).
    """
    if generation is None:
        return compute()
    key = _cache_key(kind, query, generation)
    value = caching.cache_get(key)
    if value is None:
        value = compute()
        caching.cache_set(key, value, timeout=current_app.config["SEARCH_CACHE_SECONDS"])
    return value


def search_jobs(query: JobQuery) -> SearchResult:
    terms = search_index.query_terms(query.q) if query.q else []
    text_match = _text_match(terms) if terms else None
    filters = _conditions(query)
    sort = query.effective_sort
    if text_match is None and sort == "relevance":
        sort = "newest"

    conditions = filters
    if text_match is not None:
        # A semi-join on the matching ids lets the database start from the text index.
        conditions = [*filters, Job.id.in_(sa.select(text_match.c.job_id))]
    # Read once: both cached parts must come from the same generation.
    generation = caching.generation() if current_app.config["SEARCH_CACHE_SECONDS"] else None
    total, facets = _cached("counts", query, generation, lambda: _facet_counts(conditions))
    if not total or (query.page - 1) * query.per_page >= total:
        return SearchResult([], total, query.page, query.per_page, facets, sort)

    ids = _cached("page", query, generation,
                  lambda: _page_ids(query, sort, filters, text_match))
    jobs = db.session.scalars(sa.select(Job).join(Job.company)
                              .options(contains_eager(Job.company))
                              .where(Job.id.in_(ids), *filters)).unique()
    by_id = {job.id: job for job in jobs}
    # A job that closed since its page was cached is left out rather than shown.
    items = [by_id[i] for i in ids if i in by_id]
    return SearchResult(items, total, query.page, query.per_page, facets, sort)
