"""Finding the roles worth explaining: the search index scores every listed role against
what a candidate wants, in one query, so ranking 100,000 roles costs one search.

Skills and headline words are searched as search itself searches (the same terms,
Chinese bigrams in one script); what the candidate asked for in level, area, kind of
work, region and degree ranks the roles that share a word with them, and finds roles
on its own when too few do. The index only narrows the field:
``recommendations`` then scores the best few hundred with ``matching.fit``, which can
say why.
"""

from dataclasses import dataclass

import tantivy
from tantivy import Occur, Query

from careerexpo.matchmaking.matching import DEGREE_ORDER, Term, Wants
from careerexpo.search import schema
from careerexpo.search.analysis import bigrams
from careerexpo.search.query import any_of, in_fields

FIELD_BOOSTS = {"title": 3.0, "description": 1.0}
SKILL_BOOST = 3.0
HEADLINE_BOOST = 1.0
LIKED_BOOST = 0.5
# Times the value's rarity (about 1 to 3): comparable with a good text match, so a role in
# the level and area asked for ranks among those sharing a word.
FACET_SCORES = {"level": 2.0, "area": 1.5, "function": 1.5, "region": 1.5, "degree": 0.75}


@dataclass
class Hit:
    job_id: int
    company_id: int
    score: float


def _part(s, kind: str, value: str) -> Query:
    """A word, or a Chinese run, in the title or the description."""
    if kind == "word":
        return in_fields(s, [value], FIELD_BOOSTS)
    if len(value) == 1:
        return Query.term_query(s, schema.CHARS, value)
    return in_fields(s, bigrams(value), FIELD_BOOSTS)


def _skill(s, term: Term) -> Query:
    """Every word of the skill (``machine learning``: both)."""
    parts = [(Occur.Must, _part(s, kind, value)) for kind, value in term.parts]
    return Query.boost_query(any_of(parts), SKILL_BOOST)


def _loose(s, terms: list[Term], boost: float) -> list[tuple[Occur, Query]]:
    """Free text: any word, any two characters of a Chinese run."""
    clauses = []
    for term in terms:
        kind, value = term.parts[0]
        pieces = [value] if kind == "word" or len(value) < 3 else bigrams(value)
        for piece in pieces:
            q = _part(s, kind, piece)
            clauses.append((Occur.Should, Query.boost_query(q, boost)))
    return clauses


def _facet(s, name: str, keys) -> list[tuple[Occur, Query]]:
    # One plain, boosted term each: a term-set or constant-score query here made every
    # search several times slower. (A rarer value scores a little more, as in any search.)
    return [(Occur.Should, Query.boost_query(Query.term_query(s, name, key),
                                             FACET_SCORES[name])) for key in sorted(keys)]


def preferences(s, wants: Wants, words: bool = True) -> Query | None:
    """What the candidate wants as one query; ``None`` when they have said nothing yet.

    With words to look for, a role must have one of them and the rest only ranks: the
    index then scores the roles that share a word, not every role at the right level.
    ``words=False`` leaves the words out, to find roles by level, area and the like alone.
    """
    text = []
    if words:
        text += [(Occur.Should, _skill(s, t)) for t in wants.skills]
        text += _loose(s, wants.headline, HEADLINE_BOOST)
        for _title, _how, terms in wants.liked:
            text += _loose(s, terms, LIKED_BOOST)
    facets = []
    for name, keys in (("level", wants.levels), ("area", wants.areas),
                       ("function", wants.functions), ("region", wants.regions)):
        facets += _facet(s, name, keys)
    if wants.degree in DEGREE_ORDER:
        facets += _facet(s, "degree", DEGREE_ORDER[:DEGREE_ORDER.index(wants.degree) + 1])
    if text:
        return Query.boolean_query([(Occur.Must, Query.boolean_query(text)), *facets])
    return Query.boolean_query(facets) if facets else None


def _run(searcher, s, wanted: Query, limit: int, expo_id, excluded) -> list[Hit]:
    clauses = [(Occur.Must, wanted)]
    if expo_id is not None:
        clauses.append((Occur.Must, Query.const_score_query(
            Query.term_query(s, "expo_ids", expo_id), 0.0)))
    if excluded:
        clauses.append((Occur.MustNot, Query.term_set_query(s, "id", sorted(excluded))))
    hits = searcher.search(Query.boolean_query(clauses), limit).hits
    addresses = [address for _, address in hits]
    ids = searcher.fast_field_values("id", addresses)
    companies = searcher.fast_field_values("company_id", addresses)
    return [Hit(ids[i], companies[i], hits[i][0]) for i in range(len(hits))]


def search(searcher: tantivy.Searcher, s: tantivy.Schema, wants: Wants, *, limit: int,
           fill_to: int = 0, expo_id: int | None = None, excluded=()) -> list[Hit]:
    """The best ``limit`` listed roles for ``wants``, best first, leaving out ``excluded``;
    when fewer than ``fill_to`` share a word with the candidate, roles that fit what else
    they asked for make up the number.

    Roles past their closing time are left out when they are read from the database
    (``recommendations.load_roles``): a range filter here cost more than the search.
    """
    wanted = preferences(s, wants)
    if wanted is None:
        return []
    hits = _run(searcher, s, wanted, limit, expo_id, excluded)
    if len(hits) < fill_to:
        by_facets = preferences(s, wants, words=False)
        if by_facets is not None:
            found = {h.job_id for h in hits}
            hits += [h for h in _run(searcher, s, by_facets, fill_to, expo_id, excluded)
                     if h.job_id not in found][:fill_to - len(hits)]
    return hits
