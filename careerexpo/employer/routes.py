"""An employer's pages: their roles (list, create, edit, publish, close, reopen), each
role's applicants (the list, one applicant, moves, notes, CV, CSV), and colleagues."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from careerexpo.applications import services as pipeline
from careerexpo.applications.forms import MoveForm, NoteForm
from careerexpo.auth import services as accounts
from careerexpo.auth.forms import ColleagueForm
from careerexpo.candidates import services as candidates
from careerexpo.candidates.downloads import send_cv
from careerexpo.core import args
from careerexpo.core.access import employer_required
from careerexpo.core.csv_export import csv_response
from careerexpo.core.enums import ApplicationStatus, JobState
from careerexpo.core.pagination import past_the_end
from careerexpo.employer.lookups import own_application_or_404, own_job_or_404
from careerexpo.jobs import services
from careerexpo.jobs.forms import JobForm

bp = Blueprint("employer", __name__)
APPLICANTS_HEADER = ("application_id", "name", "email", "status", "applied_at", "cover_note",
                     "cv")


@bp.route("/jobs")
@employer_required
def jobs():
    state = args.choice(request.args, "state", JobState.keys())
    page, counts = services.company_jobs_page(
        current_user, JobState(state) if state else None, args.page(request.args),
        current_app.config["EMPLOYER_JOBS_PER_PAGE"])
    return past_the_end(page) or render_template("employer/jobs.html", page=page, state=state,
                                                 counts=counts)


@bp.route("/jobs/new", methods=["GET", "POST"])
@employer_required
def new_job():
    form = JobForm()
    if form.validate_on_submit():
        publish = request.form.get("action") == "publish"
        job = services.create_job(current_user, form.job_fields(), publish=publish)
        flash(_("“%(title)s” is published.", title=job.title) if publish
              else _("“%(title)s” is saved as a draft.", title=job.title), "success")
        return redirect(url_for("employer.jobs"))
    return render_template("employer/job_form.html", form=form, job=None)


@bp.route("/jobs/<int:job_id>/edit", methods=["GET", "POST"])
@employer_required
def edit_job(job_id: int):
    job = own_job_or_404(current_user, job_id)
    form = JobForm.for_job(job)
    if form.validate_on_submit():
        services.update_job(current_user, job.id, form.job_fields())
        flash(_("Your changes to “%(title)s” are saved.", title=job.title), "success")
        return redirect(url_for("employer.jobs"))
    return render_template("employer/job_form.html", form=form, job=job)


@bp.route("/jobs/<int:job_id>/<any(publish, close, reopen):action>", methods=["POST"])
@employer_required
def change_state(job_id: int, action: str):
    own_job_or_404(current_user, job_id)
    change = services.close_job if action == "close" else services.publish_job
    try:
        job = change(current_user, job_id)
    except services.JobStateError as exc:
        flash(str(exc), "error")
    else:
        messages = {"publish": _("“%(title)s” is published."),
                    "reopen": _("“%(title)s” is open again."),
                    "close": _("“%(title)s” is closed to new applications.")}
        flash(messages[action] % {"title": job.title}, "success")
    return redirect(url_for("employer.jobs"))


@bp.route("/colleagues", methods=["GET", "POST"])
@employer_required
def colleagues():
    form = ColleagueForm()
    if form.validate_on_submit():
        user = accounts.add_colleague(current_user, form.email.data, form.name.data,
                                      form.password.data)
        flash(_("%(name)s can now sign in as an employer of %(company)s.",
                name=user.name, company=current_user.company.name), "success")
        return redirect(url_for("employer.colleagues"))
    return render_template("employer/colleagues.html", form=form,
                           colleagues=accounts.colleagues(current_user))


@bp.route("/jobs/<int:job_id>/applications")
@employer_required
def applications(job_id: int):
    job = own_job_or_404(current_user, job_id)
    status = args.choice(request.args, "status", ApplicationStatus.keys())
    page = pipeline.job_applications(
        current_user, job, ApplicationStatus(status) if status else None,
        args.page(request.args), current_app.config["APPLICANTS_PER_PAGE"])
    return past_the_end(page) or render_template(
        "employer/applications.html", job=job, page=page, status=status,
        counts=pipeline.status_counts(job))


@bp.route("/jobs/<int:job_id>/applications.csv")
@employer_required
def export_applications(job_id: int):
    job = own_job_or_404(current_user, job_id)
    rows = ([a.id, a.candidate.shown_name, a.candidate.email, a.status.value, a.created_at,
             a.cover_note, "yes" if a.cv_id else "no"]
            for a in pipeline.export_rows(current_user, job))
    return csv_response(f"applications-job-{job.id}.csv", APPLICANTS_HEADER, rows)


@bp.route("/applications/<int:application_id>", methods=["GET", "POST"])
@employer_required
def application(application_id: int):
    application = own_application_or_404(current_user, application_id)
    allowed = pipeline.PIPELINE.get(application.status, [])
    move_form = MoveForm(prefix="move", allowed=allowed, current=application.status)
    note_form = NoteForm(prefix="note")
    if request.method == "POST":
        if "move-status" in request.form and move_form.validate_on_submit():
            try:
                pipeline.move(current_user, application.id,
                              ApplicationStatus(move_form.status.data))
            except pipeline.ApplicationError as exc:
                flash(str(exc), "error")
            else:
                flash(_("Moved to %(status)s.", status=application.status.label), "success")
            return redirect(url_for("employer.application", application_id=application.id))
        if "note-body" in request.form and note_form.validate_on_submit():
            pipeline.add_note(current_user, application.id, note_form.body.data)
            flash(_("Note added."), "success")
            return redirect(url_for("employer.application", application_id=application.id))
    profile = candidates.profile_for(application.candidate)
    return render_template("employer/application.html", application=application,
                           move_form=move_form, note_form=note_form, profile=profile)


@bp.route("/applications/<int:application_id>/cv")
@employer_required
def application_cv(application_id: int):
    application = own_application_or_404(current_user, application_id)
    cv = application.cv and candidates.cv_for_download(current_user, application.cv.id)
    if not cv:
        abort(404)
    return send_cv(cv)
