"""The public JSON API, version 1 (DOMAIN.md: "JSON API")."""

from flask import abort, request

from careerexpo.api import bp
from careerexpo.api.schemas import job_json
from careerexpo.core.caching import cached_for_visitors
from careerexpo.extensions import csrf
from careerexpo.jobs.search import JobQuery, search_jobs
from careerexpo.jobs.services import get_listed_job

# Token-less, read-only JSON: there is no session state for a forged request to use.
csrf.exempt(bp)


@bp.get("/jobs")
@cached_for_visitors
def list_jobs():
    """Open jobs matching the query. ``BadParameter`` answers 400 naming the parameter."""
    result = search_jobs(JobQuery.from_args(request.args))
    facets = {k: v for k, v in result.facets.items()}
    return {
        "items": [job_json(job) for job in result.items],
        "total": result.total,
        "page": result.page,
        "per_page": result.per_page,
        "facets": facets,
    }


@bp.get("/jobs/<int:job_id>")
@cached_for_visitors
def get_job(job_id: int):
    """One open job; 404 when there is none (or it is not open)."""
    job = get_listed_job(job_id)
    if job is None:
        abort(404, "no open job with that id")
    return job_json(job)
