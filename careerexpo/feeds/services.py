"""What the feed and the sitemap list: the newest matching roles; every public page."""

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import sqlalchemy as sa
from flask import url_for
from flask_babel import gettext as _

from careerexpo.booths.models import Booth
from careerexpo.core.formatting import hk_date, hkd
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.jobs.jsonld import location_label
from careerexpo.jobs.models import Job
from careerexpo.jobs.search import JobQuery, SearchResult, listed_condition, search_jobs

FEED_ENTRIES = 50
# The sitemap protocol's limit for one file; past it, the newest roles are kept.
SITEMAP_MAX_URLS = 50_000
# Characters XML 1.0 forbids even escaped: C0 controls but tab, LF, CR; lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value) -> str:
    """Text as XML 1.0 can carry it: the characters it forbids are dropped."""
    return _NOT_XML.sub("", str(value))


def rfc3339(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="seconds")


def feed_jobs(query: JobQuery) -> SearchResult:
    """The newest roles matching the query's filters (its page, size and order set aside)."""
    return search_jobs(replace(query, sort="newest", page=1, per_page=FEED_ENTRIES))


def entry_summary(job: Job) -> str:
    """One line on a role for a feed reader: company, place, level, pay, closing date."""
    parts = [job.company.name, location_label(job), job.level.label]
    if job.salary_min is not None or job.salary_max is not None:
        amounts = [hkd(v) for v in (job.salary_min, job.salary_max) if v is not None]
        parts.append(_("%(amount)s a month", amount="–".join(amounts)))
    if job.closes_at:
        parts.append(_("closes %(date)s", date=hk_date(job.closes_at)))
    return " · ".join(parts)


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    lastmod: datetime | None = None


def sitemap_entries() -> list[SitemapEntry]:
    """The home page, the search, the expos with their halls and booths, every open role.

    Built with ``url_for`` inside a request, so every URL is absolute on this site.
    """
    entries = [SitemapEntry(url_for("main.index", _external=True)),
               SitemapEntry(url_for("jobs.search", _external=True)),
               SitemapEntry(url_for("expos.index", _external=True))]
    for (slug,) in db.session.execute(sa.select(Expo.slug).order_by(Expo.starts_on.desc())):
        entries.append(SitemapEntry(url_for("booths.hall", slug=slug, _external=True)))
    booths = db.session.execute(
        sa.select(Expo.slug, Booth.id).join(Booth.expo).order_by(Expo.starts_on.desc(), Booth.id))
    entries += [SitemapEntry(url_for("booths.booth", slug=slug, booth_id=booth_id,
                                     _external=True)) for slug, booth_id in booths]
    jobs = db.session.execute(
        sa.select(Job.id, Job.updated_at).where(listed_condition())
        .order_by(Job.posted_at.desc(), Job.id.desc())
        .limit(max(0, SITEMAP_MAX_URLS - len(entries))))
    entries += [SitemapEntry(url_for("jobs.detail", job_id=job_id, _external=True), updated)
                for job_id, updated in jobs]
    return entries
