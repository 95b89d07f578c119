"""The signed-in employer's own roles and applicants, or 404 for anyone else's."""

from flask import abort
from flask_login import current_user

from careerexpo.applications import services as applications
from careerexpo.jobs import services as jobs


def own_job_or_404(job_id: int):
    try:
        return jobs.company_job(current_user, job_id)
    except jobs.JobAccessError:
        abort(404)


def own_application_or_404(application_id: int):
    try:
        return applications.company_application(current_user, application_id)
    except applications.NotFound:
        abort(404)
