"""What the index holds for each role, and how a document is made from a source's row
(``indexer.Source``; for roles, ``jobs/index_documents.py``).

Whether a role has passed its closing time is checked when searching, so expiry
needs no write.
"""

from functools import lru_cache

import tantivy

from careerexpo.core.countries import country_names_everywhere
from careerexpo.core.enums import FACETS
from careerexpo.search.analysis import document_tokens

# Terms are made in Python (analysis.py) and joined by spaces for this tokenizer.
TERMS = "cx_terms"
TEXT_FIELDS = ("title", "company", "description", "location")
# Raised whenever the fields change: an index built with other fields is rebuilt, not
# opened (store.current_name).
VERSION = 2
CHARS = "chars"
NEVER_CLOSES = 2**62
# Sort keys pack the order and its tie-breakers into one fast field, so tantivy sorts
# once: newest is (posted second, id), salary is (top of range, bottom of range, id).
_ID_BITS = 24
_SALARY_BITS = 20  # HKD 1,048,575 a month; anything above sorts as that


def build_schema() -> tantivy.Schema:
    b = tantivy.SchemaBuilder()
    b.add_unsigned_field("id", indexed=True, fast=True)
    for name in TEXT_FIELDS:
        b.add_text_field(name, tokenizer_name=TERMS, index_option="position")
    b.add_text_field(CHARS, tokenizer_name=TERMS, index_option="freq")
    for name in FACETS:
        b.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    for name in ("company_id", "expo_ids", "open_to_overseas"):
        b.add_unsigned_field(name, indexed=True, fast=True)
    for name in ("salary", "posted_at", "closes_at"):
        b.add_integer_field(name, indexed=True, fast=True)
    for name in ("newest_key", "salary_key"):
        b.add_unsigned_field(name, fast=True)
    return b.build()


def register_tokenizers(index: tantivy.Index) -> None:
    index.register_tokenizer(TERMS, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace())
                             .build())


def _salary(value: int | None) -> int:
    return 0 if value is None else min(value, 2**_SALARY_BITS - 2) + 1


def newest_key(posted_seconds: int, job_id: int) -> int:
    return (max(posted_seconds, 0) << 32) | job_id


def salary_key(salary_min: int | None, salary_max: int | None, job_id: int) -> int:
    return ((_salary(salary_max) << _SALARY_BITS | _salary(salary_min)) << _ID_BITS) | (
        job_id % 2**_ID_BITS)


@lru_cache(maxsize=1)
def _schema() -> tantivy.Schema:
    return build_schema()


def document(row: dict) -> tantivy.Document:
    """A role's document from a source's row: a dict of id, title, company_name,
    description, company_id, expo_ids, open_to_overseas, salary_min, salary_max,
    posted_at, closes_at, city, country and each facet's value (its key, a string)."""
    # One dict handed over in one call: a rebuild makes a million of these.
    fields = {"id": row["id"]}
    chars = []
    # A role is found by its city and by its country's name in any of the page languages.
    location = " ".join([row["city"] or "", *country_names_everywhere(row["country"])])
    for name, text in (("title", row["title"]), ("company", row["company_name"]),
                       ("description", row["description"]), ("location", location)):
        terms, field_chars = document_tokens(text)
        fields[name] = " ".join(terms)
        chars += field_chars
    if chars:
        fields[CHARS] = " ".join(chars)
    for name in FACETS:
        fields[name] = row[name]
    fields["company_id"] = row["company_id"]
    if row["expo_ids"]:
        fields["expo_ids"] = list(row["expo_ids"])
    fields["open_to_overseas"] = int(bool(row["open_to_overseas"]))
    low, high = row["salary_min"], row["salary_max"]
    top = high if high is not None else low
    fields["salary"] = -1 if top is None else top
    posted = int(row["posted_at"].timestamp()) if row["posted_at"] else 0
    fields["posted_at"] = posted
    closes = row["closes_at"]
    fields["closes_at"] = int(closes.timestamp()) if closes else NEVER_CLOSES
    fields["newest_key"] = newest_key(posted, row["id"])
    fields["salary_key"] = salary_key(low, high, row["id"])
    return tantivy.Document.from_dict(fields, _schema())
