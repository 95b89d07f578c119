"""Searching the index: text, filters, multi-select facet counts, sorts and pages.

Facets count multi-select style: each facet's counts apply every filter but its
own, so with ``level=entry`` the other levels still show what ticking them would
add. Facets without a filter of their own share one aggregation; each filtered
facet costs one more.
"""

import time
from dataclasses import dataclass, field
from functools import partial

import tantivy
from tantivy import FieldType, Occur, Query

from careerexpo.core.enums import FACETS
from careerexpo.core.parallel import in_parallel
from careerexpo.search import schema
from careerexpo.search.analysis import query_terms

# Title above company and place above description, as a person reads a listing.
BOOSTS = {"title": 10.0, "company": 4.0, "location": 4.0, "description": 1.0}
# How many longer words a typed word may stand for (``learn`` → learning, learner…),
# the most common first; the exact word always counts and ranks above them.
PREFIX_EXPANSIONS = 50
PREFIX_BOOST = 0.5
MIN_PREFIX = 3
TOP_COMPANIES = 20
TIE_REACH = 2_000
DAY = 86_400


@dataclass
class IndexQuery:
    """A search with its names resolved: company and expo ids, not names and slugs."""

    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    open_to_overseas: bool | None = None
    company_ids: tuple[int, ...] | None = None  # None: no filter; (): matches nothing
    expo_ids: tuple[int, ...] | None = None
    salary_at_least: int | None = None
    posted_within_days: int | None = None
    sort: str = "newest"
    offset: int = 0
    limit: int = 20


@dataclass
class IndexResult:
    ids: list[int]
    total: int
    facets: dict[str, dict]


def any_of(clauses: list[tuple[Occur, Query]]) -> Query:
    """The clauses' query, without a boolean wrapper around a lone one."""
    return clauses[0][1] if len(clauses) == 1 else Query.boolean_query(clauses)


def in_fields(s, terms: list[str], boosts: dict[str, float]) -> Query:
    """Terms in a row (one word, or a Chinese run's bigrams) in any of ``boosts``' fields,
    each field's match boosted by its weight. Matchmaking scores with it too."""
    clauses = []
    for name, boost in boosts.items():
        q = (Query.term_query(s, name, terms[0]) if len(terms) == 1
             else Query.phrase_query(s, name, terms))
        clauses.append((Occur.Should, Query.boost_query(q, boost)))
    return any_of(clauses)


def _word(searcher, s, word: str) -> Query:
    clauses = []
    expand = len(word) >= MIN_PREFIX and word.isalnum()
    for name, boost in BOOSTS.items():
        clauses.append((Occur.Should, Query.boost_query(Query.term_query(s, name, word), boost)))
        if expand:
            longer = [t for t, _ in searcher.terms_with_prefix(name, word,
                                                               limit=PREFIX_EXPANSIONS + 1)
                      if t != word][:PREFIX_EXPANSIONS]
            for term in longer:
                clauses.append((Occur.Should, Query.boost_query(
                    Query.term_query(s, name, term), boost * PREFIX_BOOST)))
    return any_of(clauses)


def text_query(searcher, s, q: str) -> Query | None:
    """Every part of the query must match; ``None`` when it holds no searchable term."""
    clauses = []
    for kind, tokens in query_terms(q):
        if kind == "word":
            clauses.append((Occur.Must, _word(searcher, s, tokens[0])))
        elif kind == "phrase":
            clauses.append((Occur.Must, in_fields(s, tokens, BOOSTS)))
        else:
            clauses.append((Occur.Must, Query.term_query(s, schema.CHARS, tokens[0])))
    return Query.boolean_query(clauses) if clauses else None


def _filters(s, query: IndexQuery, now: int) -> dict[str, Query]:
    """Each filter by the facet it belongs to ("" for those no facet shows)."""
    out = {"": Query.range_query(s, "closes_at", FieldType.Integer, now, None,
                                 include_lower=False)}
    for name, values in query.filters.items():
        out[name] = Query.term_set_query(s, name, list(values))
    if query.open_to_overseas is not None:
        out["open_to_overseas"] = Query.term_query(s, "open_to_overseas",
                                                   int(query.open_to_overseas))
    if query.company_ids is not None:
        out["company"] = (Query.term_set_query(s, "company_id", list(query.company_ids))
                          if query.company_ids else Query.empty_query())
    if query.expo_ids is not None:
        out["expo"] = (Query.term_set_query(s, "expo_ids", list(query.expo_ids))
                       if query.expo_ids else Query.empty_query())
    if query.salary_at_least is not None:
        out["salary"] = Query.range_query(s, "salary", FieldType.Integer,
                                          query.salary_at_least, None)
    if query.posted_within_days is not None:
        out["posted"] = Query.range_query(s, "posted_at", FieldType.Integer,
                                          now - query.posted_within_days * DAY, None)
    return out


def _combine(text: Query | None, filters: dict[str, Query], leave_out: str | None = None):
    clauses = [(Occur.Must, text)] if text is not None else []
    # Filters score nothing, so relevance is the text's alone.
    clauses += [(Occur.Must, Query.const_score_query(q, 0.0))
                for name, q in filters.items() if name != leave_out]
    return Query.boolean_query(clauses)


_AGG_FIELDS = {**{name: name for name in FACETS}, "open_to_overseas": "open_to_overseas",
               "company": "company_id", "expo": "expo_ids"}


def _aggregation(names) -> dict:
    aggs = {}
    for name in names:
        size = TOP_COMPANIES if name == "company" else 1000
        # segment_size: every segment sends all its terms, so the counts are exact.
        aggs[name] = {"terms": {"field": _AGG_FIELDS[name], "size": size,
                                "segment_size": 100_000}}
    return aggs


def _facet_jobs(searcher, text, filters) -> list:
    """The aggregations the facets need, each a call that can run on a thread of its own.

    Companies are counted apart from the rest: with tens of thousands of them that
    count costs as much as all the others together, so the two run side by side.
    """
    own = [name for name in _AGG_FIELDS if name in filters]
    shared = [name for name in _AGG_FIELDS if name not in filters]
    groups = [[name for name in shared if name != "company"],
              ["company"] if "company" in shared else []]
    jobs = [partial(searcher.aggregate, _combine(text, filters), _aggregation(names))
            for names in groups if names]
    jobs += [partial(searcher.aggregate, _combine(text, filters, leave_out=name),
                     _aggregation([name])) for name in own]
    return jobs


def _facets(raw: dict) -> dict[str, dict]:
    facets = {}
    for name in _AGG_FIELDS:
        buckets = {b["key"]: b["doc_count"] for b in raw[name]["buckets"]}
        if name in FACETS:
            facets[name] = {key: buckets.get(key, 0) for key in FACETS[name].keys()}
        elif name == "open_to_overseas":
            facets[name] = {"true": buckets.get(1, 0), "false": buckets.get(0, 0)}
        else:
            facets[name] = {int(k): n for k, n in buckets.items()}
    return facets


def _ranked_ids(searcher, q: Query, offset: int, limit: int) -> tuple[list[int], int]:
    """Best first; equal scores newest first, then by id, so pages never shuffle."""
    wanted = offset + limit
    # A run of equal scores across the cut could be ordered either way, so the search
    # reaches past it. Scores tie often (BM25 quantises field lengths): a broad word
    # at 1M roles has runs of hundreds. Collecting 2,000 costs little more than 21 and
    # usually covers the run in one search; each search after it reaches 8 times as far.
    fetch = max(wanted + 1, TIE_REACH)
    while True:
        result = searcher.search(q, fetch, count=True)
        hits = result.hits
        if len(hits) < fetch or hits[-1][0] != hits[wanted - 1][0] or fetch >= result.count:
            break
        fetch *= 8
    if len(hits) >= wanted:  # only the hits down to the end of the cut's run matter
        cut = hits[wanted - 1][0]
        hits = [hit for hit in hits if hit[0] >= cut]
    keys = searcher.fast_field_values("newest_key", [a for _, a in hits])
    ids = searcher.fast_field_values("id", [a for _, a in hits])
    order = sorted(range(len(hits)), key=lambda i: (-hits[i][0], -keys[i]))
    return [ids[i] for i in order[offset:wanted]], result.count


def _page(searcher, full: Query, query: IndexQuery, ranked: bool) -> tuple[list[int], int]:
    if ranked:
        return _ranked_ids(searcher, full, query.offset, query.limit)
    key = "salary_key" if query.sort == "salary" else "newest_key"
    result = searcher.search(full, query.limit, count=True, offset=query.offset,
                             order_by_field=key, order=tantivy.Order.Desc)
    return searcher.fast_field_values("id", [a for _, a in result.hits]), result.count


def run(searcher: tantivy.Searcher, s: tantivy.Schema, query: IndexQuery,
        with_facets: bool = True) -> IndexResult:
    """The page and the facet counts, searched side by side (core/parallel.py)."""
    now = int(time.time())
    text = text_query(searcher, s, query.q) if query.q else None
    filters = _filters(s, query, now)
    full = _combine(text, filters)
    ranked = query.sort == "relevance" and text is not None
    jobs = [partial(_page, searcher, full, query, ranked)]
    if with_facets:
        jobs += _facet_jobs(searcher, text, filters)
    (ids, total), *aggregated = in_parallel(*jobs)
    raw = {}
    for part in aggregated:
        raw.update(part)
    return IndexResult(ids, total, _facets(raw) if with_facets else {})
