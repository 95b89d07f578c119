"""An employer's roles: list, create, edit, publish, close, reopen; and colleagues."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from careerexpo.auth import services as accounts
from careerexpo.auth.forms import ColleagueForm
from careerexpo.core.access import employer_required
from careerexpo.core.enums import JobState
from careerexpo.core.pagination import parse_page, past_the_end
from careerexpo.employer import bp
from careerexpo.employer.lookups import own_job_or_404
from careerexpo.jobs import services
from careerexpo.jobs.forms import JobForm


@bp.route("/jobs")
@employer_required
def jobs():
    state = request.args.get("state") or None
    if state is not None and state not in JobState.keys():
        abort(400, _("Unknown state."))
    page, counts = services.company_jobs_page(
        current_user, JobState(state) if state else None, parse_page(request.args.get("page")),
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
    job = own_job_or_404(job_id)
    form = JobForm.for_job(job)
    if form.validate_on_submit():
        services.update_job(current_user, job.id, form.job_fields())
        flash(_("Your changes to “%(title)s” are saved.", title=job.title), "success")
        return redirect(url_for("employer.jobs"))
    return render_template("employer/job_form.html", form=form, job=job)


@bp.route("/jobs/<int:job_id>/<any(publish, close, reopen):action>", methods=["POST"])
@employer_required
def change_state(job_id: int, action: str):
    own_job_or_404(job_id)
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
