"""/jobs.atom, an Atom feed of any search; /sitemap.xml, every public page for crawlers."""

from flask import Blueprint, render_template, request, url_for
from flask_babel import gettext as _

from careerexpo.core.caching import cached_for_visitors
from careerexpo.core.database import utcnow
from careerexpo.feeds import searches, services
from careerexpo.jobs.search import JobQuery

bp = Blueprint("feeds", __name__)

ATOM = "application/atom+xml"


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
