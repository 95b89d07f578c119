"""What people do at a booth besides looking: presentations, applying from the chat panel,
staff reading a chatting candidate's context, and the booth's images."""

from datetime import datetime

from flask import (
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    request,
    send_from_directory,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from careerexpo.applications import services as applications
from careerexpo.booths import bp, context, services
from careerexpo.booths.routes import booth_or_404
from careerexpo.candidates import services as candidates
from careerexpo.candidates.routes import send_cv
from careerexpo.core.access import candidate_required
from careerexpo.core.hktime import HONG_KONG
from careerexpo.extensions import db
from careerexpo.jobs.services import get_listed_job
from careerexpo.presentations import services as presentations
from careerexpo.presentations.forms import PresentationForm
from careerexpo.presentations.models import Presentation


@bp.route("/<slug>/booths/<int:booth_id>/presentations", methods=["POST"])
@bp.route("/<slug>/booths/<int:booth_id>/presentations/<int:presentation_id>",
          methods=["POST"])
@login_required
def save_presentation(slug: str, booth_id: int, presentation_id: int | None = None):
    _expo, booth = booth_or_404(slug, booth_id)
    existing = None
    if presentation_id is not None:
        existing = db.session.get(Presentation, presentation_id)
        if existing is None or existing.booth_id != booth.id:
            abort(404)
    form = PresentationForm()
    if not form.validate_on_submit():
        for field, errors in form.errors.items():
            flash(f"{getattr(form, field).label.text}: {' '.join(errors)}", "error")
    else:
        starts_at = datetime.combine(form.day.data, form.start.data, tzinfo=HONG_KONG)
        try:
            presentations.schedule(current_user, booth, form.title.data, form.abstract.data or "",
                                   starts_at, form.duration_minutes.data,
                                   form.stream_url.data or "", form.recording_url.data or "",
                                   existing)
        except presentations.PresentationError as exc:
            abort(403, str(exc))
        flash(_("The presentation is scheduled."), "success")
    return redirect(url_for("booths.edit", slug=slug, booth_id=booth.id) + "#presentations")


@bp.route("/<slug>/booths/<int:booth_id>/presentations/<int:presentation_id>/register",
          methods=["POST"])
@candidate_required
def register(slug: str, booth_id: int, presentation_id: int):
    _expo, booth = booth_or_404(slug, booth_id)
    try:
        talk = presentations.register(current_user, presentation_id)
        if talk.booth_id != booth.id:
            abort(404)
    except presentations.PresentationError as exc:
        flash(str(exc), "error")
    else:
        flash(_("You are registered for “%(title)s”. Add it to your calendar below.",
                title=talk.title), "success")
    return redirect(url_for("booths.booth", slug=slug, booth_id=booth.id) + "#presentations")


@bp.route("/<slug>/booths/<int:booth_id>/presentations/<int:presentation_id>.ics")
def calendar_file(slug: str, booth_id: int, presentation_id: int):
    _expo, booth = booth_or_404(slug, booth_id)
    talk = db.session.get(Presentation, presentation_id)
    if talk is None or talk.booth_id != booth.id:
        abort(404)
    url = url_for("booths.booth", slug=slug, booth_id=booth.id, _external=True)
    return Response(presentations.ics(talk, url), mimetype="text/calendar",
                    headers={"Content-Disposition":
                             f'attachment; filename="presentation-{talk.id}.ics"'})


@bp.route("/<slug>/booths/<int:booth_id>/apply/<int:job_id>", methods=["POST"])
@candidate_required
def apply_from_chat(slug: str, booth_id: int, job_id: int):
    """Applies with the profile CV without leaving the chat panel; answers JSON."""
    _expo, booth = booth_or_404(slug, booth_id)
    job = get_listed_job(job_id)
    if job is None or job.company_id != booth.company_id:
        return jsonify(ok=False, error=_("This role is not open at this booth.")), 404
    cv = candidates.profile_for(current_user).cv
    if cv is None:
        return jsonify(ok=False, error=_("Add a CV to your profile first."),
                       profile_url=url_for("candidates.profile")), 400
    try:
        applications.apply_to_job(current_user, job, request.form.get("cover_note", ""), cv)
    except applications.ApplicationError as exc:
        return jsonify(ok=False, error=str(exc)), 400
    return jsonify(ok=True, message=_("Your application to %(title)s was sent.",
                                      title=job.title))


@bp.route("/<slug>/booths/<int:booth_id>/conversations/<int:conversation_id>/context")
@login_required
def conversation_context(slug: str, booth_id: int, conversation_id: int):
    """For staff in a chat: the candidate's applications here and, if shared, their profile."""
    _expo, booth = booth_or_404(slug, booth_id)
    data = context.for_staff(current_user, booth, conversation_id)
    if data is None:
        abort(404)
    return jsonify(data)


@bp.route("/uploads/<name>")
def upload(name: str):
    """A booth's logo or banner; names are random, so they can be cached for long."""
    if not services.is_upload_name(name):
        abort(404)
    return send_from_directory(current_app.config["UPLOAD_FOLDER"], name, max_age=86400 * 30)


@bp.route("/<slug>/booths/<int:booth_id>/conversations/<int:conversation_id>/cv")
@login_required
def shared_cv(slug: str, booth_id: int, conversation_id: int):
    """The profile CV a chatting candidate chose to share with this booth's staff."""
    _expo, booth = booth_or_404(slug, booth_id)
    cv = context.shared_cv(current_user, booth, conversation_id)
    if cv is None:
        abort(404)
    return send_cv(cv)
