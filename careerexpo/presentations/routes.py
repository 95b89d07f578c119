"""A booth's presentations: scheduling them, registering, and calendar files."""

from datetime import datetime

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from careerexpo.booths.lookups import get_booth_or_404
from careerexpo.core.access import candidate_required
from careerexpo.core.database import utcnow
from careerexpo.core.hktime import HONG_KONG
from careerexpo.expos.lookups import get_expo_or_404
from careerexpo.presentations import services
from careerexpo.presentations.forms import PresentationForm

bp = Blueprint("presentations", __name__)
TALK = "/<slug>/booths/<int:booth_id>/presentations/<int:presentation_id>"


@bp.route("/<slug>/booths/<int:booth_id>/presentations", methods=["POST"])
@bp.route(TALK, methods=["POST"])
@login_required
def save(slug: str, booth_id: int, presentation_id: int | None = None):
    _expo, booth = get_booth_or_404(slug, booth_id)
    existing = None
    if presentation_id is not None:
        existing = services.booth_presentation(booth, presentation_id)
        if existing is None:
            abort(404)
    form = PresentationForm()
    if not form.validate_on_submit():
        for field, errors in form.errors.items():
            flash(f"{getattr(form, field).label.text}: {' '.join(errors)}", "error")
    else:
        starts_at = datetime.combine(form.day.data, form.start.data, tzinfo=HONG_KONG)
        try:
            services.schedule(current_user, booth, form.title.data, form.abstract.data or "",
                              starts_at, form.duration_minutes.data, form.stream_url.data or "",
                              form.recording_url.data or "", existing)
        except services.PresentationError as exc:
            abort(403, str(exc))
        flash(_("The presentation is scheduled."), "success")
    return redirect(url_for("booths.edit", slug=slug, booth_id=booth.id) + "#presentations")


@bp.route(f"{TALK}/register", methods=["POST"])
@candidate_required
def register(slug: str, booth_id: int, presentation_id: int):
    _expo, booth = get_booth_or_404(slug, booth_id)
    if services.booth_presentation(booth, presentation_id) is None:
        abort(404)
    try:
        talk = services.register(current_user, booth, presentation_id)
    except services.PresentationError as exc:
        flash(str(exc), "error")
    else:
        flash(_("You are registered for “%(title)s”. Add it to your calendar below.",
                title=talk.title), "success")
    return redirect(url_for("booths.booth", slug=slug, booth_id=booth.id) + "#presentations")


@bp.route(f"{TALK}.ics")
def calendar_file(slug: str, booth_id: int, presentation_id: int):
    _expo, booth = get_booth_or_404(slug, booth_id)
    talk = services.booth_presentation(booth, presentation_id)
    if talk is None:
        abort(404)
    url = url_for("booths.booth", slug=slug, booth_id=booth.id, _external=True)
    return Response(services.ics(talk, url), mimetype="text/calendar",
                    headers={"Content-Disposition":
                             f'attachment; filename="presentation-{talk.id}.ics"'})


@bp.route("/<slug>/agenda")
def agenda(slug: str):
    """Every presentation of the expo, day by day."""
    expo = get_expo_or_404(slug)
    return render_template("presentations/agenda.html", expo=expo,
                           days=services.expo_agenda(expo), now=utcnow())
