"""/jobs.atom, an Atom feed of any search; /sitemap.xml, every public page for crawlers."""

import re
from datetime import UTC, datetime

from flask import render_template, request, url_for
from flask_babel import gettext as _

from careerexpo.core.caching import cached_for_visitors
from careerexpo.core.database import utcnow
from careerexpo.feeds import bp, searches, services
from careerexpo.jobs.search import JobQuery

ATOM = "application/atom+xml"
# Characters XML 1.0 forbids even escaped: C0 controls but tab, LF, CR; lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@bp.app_template_filter("xml_text")
def xml_text(value) -> str:
    return _NOT_XML.sub("", str(value))


@bp.app_template_filter("rfc3339")
def rfc3339(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="seconds")


bp.add_app_template_global(searches.search_args, "search_args")
bp.add_app_template_global(services.entry_summary, "feed_summary")


@bp.route("/jobs.atom")
@cached_for_visitors
def jobs_feed():
    """The newest roles matching any /jobs search. :raise BadParameter: as /jobs does."""
    query = JobQuery.from_args(request.args)
    result = services.feed_jobs(query)
    args = searches.search_args(query)
    updated = max((job.updated_at for job in result.items), default=None) or utcnow()
    body = render_template(
        "feeds/jobs.atom.xml", jobs=result.items,
        # Worded here: gettext in a template leaves its own text unescaped, and XML minds.
        title=_("CareerExpo jobs: %(search)s", search=searches.describe(query)),
        subtitle=_("The newest open I&T roles for this search."),
        self_url=url_for("feeds.jobs_feed", _external=True, **args),
        html_url=url_for("jobs.search", _external=True, **args), updated=updated)
    return body, 200, {"Content-Type": f"{ATOM}; charset=utf-8"}


@bp.route("/sitemap.xml")
@cached_for_visitors
def sitemap():
    body = render_template("feeds/sitemap.xml", entries=services.sitemap_entries())
    return body, 200, {"Content-Type": "application/xml; charset=utf-8"}
