from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from careerexpo.applications import services as applications
from careerexpo.applications.forms import ApplyForm
from careerexpo.booths.services import booth_to_visit
from careerexpo.candidates import services as candidates
from careerexpo.core.access import candidate_required
from careerexpo.core.caching import cached_for_visitors
from careerexpo.core.pagination import Page
from careerexpo.jobs import jsonld
from careerexpo.jobs.scopes import scopes
from careerexpo.jobs.search import POSTED_WITHIN, SALARY_FLOORS, JobQuery, search_jobs
from careerexpo.jobs.services import get_public_job

bp = Blueprint("jobs", __name__)


@bp.route("")
@cached_for_visitors
def search():
    query = JobQuery.from_args(request.args)
    result = search_jobs(query)
    page = Page(result.items, result.total, result.page, result.per_page)
    return render_template("jobs/search.html", query=query, result=result, page=page,
                           scopes=scopes(query), salary_floors=SALARY_FLOORS,
                           posted_within=POSTED_WITHIN,
                           marks=applications.marks_for(current_user, [j.id for j in result.items]))


def _public_job_or_404(job_id: int):
    job = get_public_job(job_id)
    if job is None:
        abort(404, _("There is no such role, or it is no longer published."))
    return job


@bp.route("/<int:job_id>")
@cached_for_visitors
def detail(job_id: int):
    job = _public_job_or_404(job_id)
    context = {"job": job, "listed": job.is_listed(), "application": None, "saved": False,
               "profile_cv": None, "form": None}
    if current_user.is_authenticated and current_user.is_candidate:
        context["application"] = applications.existing_application(current_user, job.id)
        context["saved"] = applications.is_saved(current_user, job.id)
        context["profile_cv"] = candidates.profile_for(current_user).cv
        context["form"] = ApplyForm()
    context["jsonld"] = jsonld.job_posting(job) if context["listed"] else None
    return render_template("jobs/detail.html", **context, booth=booth_to_visit(job.company_id))


@bp.route("/<int:job_id>/apply", methods=["POST"])
@candidate_required
def apply(job_id: int):
    job = _public_job_or_404(job_id)
    form = ApplyForm()
    profile_cv = candidates.profile_for(current_user).cv
    if form.validate_on_submit():
        try:
            applications.apply_with_cv(current_user, job, form.cover_note.data or "",
                                       form.upload())
        except candidates.CVError as exc:
            form.cv_file.errors.append(str(exc))
        except applications.ApplicationError as exc:
            form.form_errors.append(str(exc))
        else:
            flash(_("Your application to %(title)s was sent.", title=job.title), "success")
            return redirect(url_for("applications.mine"))
    return render_template(
        "jobs/detail.html", job=job, listed=job.is_listed(), form=form, profile_cv=profile_cv,
        application=applications.existing_application(current_user, job.id),
        saved=applications.is_saved(current_user, job.id), jsonld=None,
        booth=booth_to_visit(job.company_id),
    ), 400


@bp.route("/<int:job_id>/save", methods=["POST"])
@candidate_required
def save(job_id: int):
    job = _public_job_or_404(job_id)
    if request.form.get("action") == "remove":
        applications.unsave_job(current_user, job.id)
        flash(_("Removed from your saved roles."), "info")
    else:
        applications.save_job(current_user, job)
        flash(_("Saved for later."), "success")
    return redirect(url_for("jobs.detail", job_id=job.id))
