"""An employer's own roles and applicants for views, pages and API alike: anything of
another company is a 404, whatever id is asked for."""

from flask import abort
from flask_babel import gettext as _

from careerexpo.applications import services as applications
from careerexpo.applications.models import Application
from careerexpo.auth.models import User
from careerexpo.jobs import services as jobs
from careerexpo.jobs.models import Job


def own_job_or_404(employer: User, job_id: int) -> Job:
    """:raise 404: unless the role is the employer's company's."""
    try:
        return jobs.company_job(employer, job_id)
    except jobs.JobAccessError:
        abort(404, _("There is no such role at your company."))


def own_application_or_404(employer: User, application_id: int) -> Application:
    """:raise 404: unless the application is to a role of the employer's company."""
    try:
        return applications.company_application(employer, application_id)
    except applications.NotFound:
        abort(404, _("There is no such application to your company's roles."))
