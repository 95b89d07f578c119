"""The employer API: a token's company's roles and the applications to them.

Thin over ``jobs.services`` and ``applications.services``, which scope every read
and write to the token's employer: another company's role or applicant is a 404.
"""

from flask import abort, url_for

from careerexpo.api.auth import current_employer, token_required
from careerexpo.api.blueprint import bp
from careerexpo.api.employer_schemas import (
    ApplicationPageSchema,
    ApplicationsArgsSchema,
    ApplicationSchema,
    EmployerJobListSchema,
    EmployerJobsArgsSchema,
    EmployerJobSchema,
    JobCreateSchema,
    JobPatchSchema,
)
from careerexpo.api.parsing import InvalidInput
from careerexpo.api.schemas import ID, ErrorSchema
from careerexpo.applications import services as applications
from careerexpo.core.enums import ApplicationStatus
from careerexpo.employer.lookups import own_application_or_404, own_job_or_404
from careerexpo.jobs import services as jobs

TAG = "Employer"
JOB = f"/employer/jobs/<{ID}:job_id>"
NOT_FOUND = {"schema": ErrorSchema, "description": "No such role at the token's company."}
CONFLICT = {"schema": ErrorSchema, "description": "The role is not in a state that allows it."}


def _row(job) -> jobs.JobRow:
    counts = applications.status_counts(job)
    return jobs.JobRow(job, sum(counts.values()), counts[ApplicationStatus.SUBMITTED])


@bp.get("/employer/jobs", tags=[TAG])
@token_required()
@bp.arguments(EmployerJobsArgsSchema, location="query")
@bp.response(200, EmployerJobListSchema)
def employer_jobs(args):
    """The company's roles, newest first, in every state or one"""
    return {"items": jobs.company_jobs(current_employer(), args.get("state"))}


@bp.post("/employer/jobs", tags=[TAG])
@token_required(write=True)
@bp.arguments(JobCreateSchema)
@bp.response(201, EmployerJobSchema)
def create_employer_job(fields):
    """Post a role, as a draft or published at once"""
    publish = fields.pop("publish")
    try:
        job = jobs.create_job(current_employer(), fields, publish=publish)
    except jobs.JobFieldError as exc:
        raise InvalidInput({exc.field: [exc.message]}) from None
    return _row(job), 201, {"Location": url_for("api.employer_job", job_id=job.id,
                                                _external=True)}


@bp.get(JOB, tags=[TAG])
@token_required()
@bp.alt_response(404, **NOT_FOUND)
@bp.response(200, EmployerJobSchema)
def employer_job(job_id: int):
    """One of the company's roles, in any state"""
    return _row(own_job_or_404(current_employer(), job_id))


@bp.patch(JOB, tags=[TAG])
@token_required(write=True)
@bp.arguments(JobPatchSchema)
@bp.alt_response(404, **NOT_FOUND)
@bp.response(200, EmployerJobSchema)
def update_employer_job(fields, job_id: int):
    """Change some of a role's fields"""
    job = own_job_or_404(current_employer(), job_id)
    try:
        return _row(jobs.update_job(current_employer(), job.id, fields))
    except jobs.JobFieldError as exc:
        raise InvalidInput({exc.field: [exc.message]}) from None


def _change_state(change, job_id: int):
    own_job_or_404(current_employer(), job_id)
    try:
        return _row(change(current_employer(), job_id))
    except jobs.JobStateError as exc:
        abort(409, str(exc))


@bp.post(f"{JOB}/publish", tags=[TAG])
@token_required(write=True)
@bp.alt_response(404, **NOT_FOUND)
@bp.alt_response(409, **CONFLICT)
@bp.response(200, EmployerJobSchema)
def publish_employer_job(job_id: int):
    """Publish a draft, or reopen a closed role"""
    return _change_state(jobs.publish_job, job_id)


@bp.post(f"{JOB}/close", tags=[TAG])
@token_required(write=True)
@bp.alt_response(404, **NOT_FOUND)
@bp.alt_response(409, **CONFLICT)
@bp.response(200, EmployerJobSchema)
def close_employer_job(job_id: int):
    """Close an open role to new applications"""
    return _change_state(jobs.close_job, job_id)


@bp.get(f"{JOB}/applications", tags=[TAG])
@token_required()
@bp.arguments(ApplicationsArgsSchema, location="query")
@bp.alt_response(404, **NOT_FOUND)
@bp.response(200, ApplicationPageSchema)
def employer_job_applications(args, job_id: int):
    """The applications to one of the company's roles, newest first"""
    employer = current_employer()
    page = applications.job_applications(employer, own_job_or_404(employer, job_id),
                                         args.get("status"), args["page"], args["per_page"])
    return {"items": page.items, "total": page.total, "page": page.page,
            "per_page": page.per_page}


@bp.get(f"/employer/applications/<{ID}:application_id>", tags=[TAG])
@token_required()
@bp.alt_response(404, schema=ErrorSchema, description="No such application to the company.")
@bp.response(200, ApplicationSchema)
def employer_application(application_id: int):
    """One application to a role of the company, with its history"""
    return own_application_or_404(current_employer(), application_id)
