from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from careerexpo.applications import services
from careerexpo.core.access import candidate_required
from careerexpo.core.enums import FINAL_STATUSES

bp = Blueprint("applications", __name__)


@bp.route("/applications")
@candidate_required
def mine():
    items = services.candidate_applications(current_user)
    return render_template("applications/mine.html", applications=items,
                           final_statuses=FINAL_STATUSES)


@bp.route("/applications/<int:application_id>/withdraw", methods=["POST"])
@candidate_required
def withdraw(application_id: int):
    try:
        application = services.withdraw(current_user, application_id)
    except services.NotFound:
        abort(404)
    except services.ApplicationError as exc:
        flash(str(exc), "error")
    else:
        flash(_("You withdrew your application to %(title)s.", title=application.job.title),
              "info")
    return redirect(url_for("applications.mine"))


@bp.route("/saved")
@candidate_required
def saved():
    return render_template("applications/saved.html", saved=services.saved_jobs(current_user))


@bp.route("/saved/<int:job_id>/remove", methods=["POST"])
@candidate_required
def unsave(job_id: int):
    services.unsave_job(current_user, job_id)
    flash(_("Removed from your saved roles."), "info")
    return redirect(url_for("applications.saved"))
