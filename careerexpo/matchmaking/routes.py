"""Matchmaking pages: a candidate's recommended roles, and the candidates suggested to a
booth's staff."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from careerexpo.booths.lookups import get_booth_or_404
from careerexpo.booths.staffing import is_staff
from careerexpo.core import args
from careerexpo.core.access import candidate_required, employer_required
from careerexpo.expos.lookups import get_expo_or_404
from careerexpo.expos.services import listing
from careerexpo.matchmaking import reasons, services, suggestions

bp = Blueprint("matchmaking", __name__)


@bp.get("/me/recommendations")
@candidate_required
def recommended():
    slug = args.text(request.args, "expo", 80)
    expo = get_expo_or_404(slug) if slug else None
    items = services.shown_recommendations(current_user.id, expo)
    current = listing()
    return render_template("matchmaking/recommended.html", items=items, expo=expo,
                           expos=[e for e, _n in current.live + current.upcoming],
                           reason_text=reasons.for_candidate)


@bp.post("/me/recommendations/<int:job_id>/dismiss")
@candidate_required
def dismiss(job_id: int):
    try:
        services.dismiss(current_user.id, job_id)
    except services.NotFound:
        abort(404)
    flash(_("You will not be shown that role again."), "success")
    slug = args.text(request.form, "expo", 80)
    return redirect(url_for("matchmaking.recommended", expo=slug or None))


@bp.get("/me/recommendations/<int:job_id>/open")
@candidate_required
def open_role(job_id: int):
    booth_id = args.whole_number(request.args, "booth", 0, 2_147_483_647, 0)
    try:
        job = services.open_role(current_user.id, job_id, booth_id or None)
    except services.NotFound:
        abort(404)
    return redirect(url_for("jobs.detail", job_id=job.id))


@bp.get("/me/recommendations/booths/<int:booth_id>/open")
@candidate_required
def open_booth(booth_id: int):
    try:
        booth = services.open_booth(current_user.id, booth_id)
    except services.NotFound:
        abort(404)
    return redirect(url_for("booths.booth", slug=booth.expo.slug, booth_id=booth.id))


@bp.get("/expos/<slug>/booths/<int:booth_id>/suggested-candidates")
@employer_required
def suggested(slug: str, booth_id: int):
    """:raise 404: for anyone but the booth's own staff."""
    expo, booth = get_booth_or_404(slug, booth_id)
    if not is_staff(current_user, booth):
        abort(404)
    return render_template("matchmaking/suggested.html", expo=expo, booth=booth,
                           items=suggestions.suggestions(booth), reason_text=reasons.for_staff)
