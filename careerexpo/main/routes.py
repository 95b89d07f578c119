import sqlalchemy as sa
from flask import render_template

from careerexpo.core.caching import cached_for_visitors
from careerexpo.core.enums import Area
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.jobs.search import JobQuery, listed_condition, search_jobs
from careerexpo.main import bp


@bp.route("/")
@cached_for_visitors
def index():
    newest = search_jobs(JobQuery(per_page=6))
    by_area = db.session.execute(
        sa.select(Job.area, sa.func.count()).where(listed_condition())
        .group_by(Job.area).order_by(sa.func.count().desc())
    ).all()
    return render_template("main/index.html", newest=newest, by_area=by_area, Area=Area)


@bp.route("/healthz")
def health():
    """A trivial route for load balancers (and the page benchmark's baseline)."""
    return {"status": "ok"}
