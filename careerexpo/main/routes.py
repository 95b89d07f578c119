import sqlalchemy as sa
from flask import Blueprint, abort, current_app, redirect, render_template, url_for
from flask_login import current_user

from careerexpo.applications import services as applications
from careerexpo.core.caching import cached_for_visitors
from careerexpo.core.enums import Area
from careerexpo.core.i18n import remember_language
from careerexpo.core.urls import safe_next
from careerexpo.expos import services as expos
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.jobs.search import JobQuery, listed_condition, search_jobs

bp = Blueprint("main", __name__)


@bp.route("/")
@cached_for_visitors
def index():
    newest = search_jobs(JobQuery(per_page=6))
    by_area = db.session.execute(
        sa.select(Job.area, sa.func.count()).where(listed_condition())
        .group_by(Job.area).order_by(sa.func.count().desc())
    ).all()
    spotlight, spotlight_live = expos.spotlight()
    return render_template("main/index.html", newest=newest, by_area=by_area, Area=Area,
                           spotlight=spotlight, spotlight_live=spotlight_live,
                           marks=applications.marks_for(current_user,
                                                        [j.id for j in newest.items]))


@bp.route("/healthz")
def health():
    """A trivial route for load balancers (and the page benchmark's baseline)."""
    return {"status": "ok"}


@bp.route("/language/<code>")
def choose_language(code: str):
    """Remembers the visitor's language and goes back to the page they were reading.

    A plain link rather than a form: choosing a language changes nothing anyone could
    abuse, and pages served from the visitors' cache carry no per-visitor token.
    """
    if code not in current_app.config["LANGUAGES"]:
        abort(404)
    return remember_language(redirect(safe_next(url_for("main.index"))), code)
