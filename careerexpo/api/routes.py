"""The public JSON API, version 1 (DOMAIN.md: "JSON API")."""

from flask import abort, request

from careerexpo.api.blueprint import bp
from careerexpo.api.schemas import ID, ErrorSchema, JobListSchema, JobQueryArgsSchema, JobSchema
from careerexpo.core.caching import cached_for_visitors
from careerexpo.jobs.search import JobQuery, search_jobs
from careerexpo.jobs.services import get_listed_job

TAG = "Jobs"


@bp.get("/jobs", tags=[TAG])
@cached_for_visitors
@bp.doc(parameters=[{"in": "query", "schema": JobQueryArgsSchema}])
@bp.alt_response(400, schema=ErrorSchema, description="A parameter is not valid; it is named.")
@bp.response(200, JobListSchema)
def list_jobs():
    """Search open roles

    Every filter may repeat (``level=entry&level=middle`` means either). Facet counts are
    over the whole result set, not just the page.
    """
    result = search_jobs(JobQuery.from_args(request.args))
    return {"items": result.items, "total": result.total, "page": result.page,
            "per_page": result.per_page, "facets": result.facets}


@bp.get(f"/jobs/<{ID}:job_id>", tags=[TAG])
@cached_for_visitors
@bp.alt_response(404, schema=ErrorSchema, description="No open role has this id.")
@bp.response(200, JobSchema)
def get_job(job_id: int):
    """One open role

    Drafts, closed roles and roles past their closing time are not found.
    """
    job = get_listed_job(job_id)
    if job is None:
        abort(404, "no open job with that id")
    return job
