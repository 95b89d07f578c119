"""An employer's applicants: the list per role, one applicant, moves, notes, CV, CSV."""

import csv
import io

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from careerexpo.applications import services
from careerexpo.applications.forms import MoveForm, NoteForm
from careerexpo.candidates import services as candidates
from careerexpo.candidates.routes import send_cv
from careerexpo.core.access import employer_required
from careerexpo.core.enums import ApplicationStatus
from careerexpo.core.pagination import parse_page, past_the_end
from careerexpo.employer import bp
from careerexpo.employer.lookups import own_application_or_404, own_job_or_404


@bp.route("/jobs/<int:job_id>/applications")
@employer_required
def applications(job_id: int):
    job = own_job_or_404(job_id)
    status = request.args.get("status") or None
    if status is not None and status not in ApplicationStatus.keys():
        abort(400, _("Unknown status."))
    page = services.job_applications(
        current_user, job, ApplicationStatus(status) if status else None,
        parse_page(request.args.get("page")), current_app.config["APPLICANTS_PER_PAGE"])
    return past_the_end(page) or render_template(
        "employer/applications.html", job=job, page=page, status=status,
        counts=services.status_counts(job))


@bp.route("/jobs/<int:job_id>/applications.csv")
@employer_required
def export_applications(job_id: int):
    job = own_job_or_404(job_id)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["application_id", "name", "email", "status", "applied_at", "cover_note",
                     "cv"])
    for a in services.export_rows(current_user, job):
        writer.writerow([a.id, _csv_safe(a.candidate.name), a.candidate.email, a.status.value,
                         a.created_at.isoformat(), _csv_safe(a.cover_note),
                         "yes" if a.cv_id else "no"])
    filename = f"applications-job-{job.id}.csv"
    return Response("\ufeff" + out.getvalue(), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _csv_safe(text: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; a quote disarms them."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


@bp.route("/applications/<int:application_id>", methods=["GET", "POST"])
@employer_required
def application(application_id: int):
    application = own_application_or_404(application_id)
    allowed = services.PIPELINE.get(application.status, [])
    move_form = MoveForm(prefix="move", allowed=allowed)
    note_form = NoteForm(prefix="note")
    if request.method == "POST":
        if "move-status" in request.form and move_form.validate_on_submit():
            try:
                services.move(current_user, application.id,
                              ApplicationStatus(move_form.status.data))
            except services.ApplicationError as exc:
                flash(str(exc), "error")
            else:
                flash(_("Moved to %(status)s.", status=application.status.label), "success")
            return redirect(url_for("employer.application", application_id=application.id))
        if "note-body" in request.form and note_form.validate_on_submit():
            services.add_note(current_user, application.id, note_form.body.data)
            flash(_("Note added."), "success")
            return redirect(url_for("employer.application", application_id=application.id))
    profile = candidates.profile_for(application.candidate)
    return render_template("employer/application.html", application=application,
                           move_form=move_form, note_form=note_form, profile=profile)


@bp.route("/applications/<int:application_id>/cv")
@employer_required
def application_cv(application_id: int):
    application = own_application_or_404(application_id)
    cv = application.cv and candidates.cv_for_download(current_user, application.cv.id)
    if not cv:
        abort(404)
    return send_cv(cv)
