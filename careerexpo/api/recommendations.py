"""A candidate's recommended roles over the JSON API (DOMAIN.md, "Matchmaking").

Signed in with the session cookie, not a token; a POST must send the page's CSRF token
in ``X-CSRFToken`` (the API blueprint does not check it for token calls).
"""

from flask import abort, current_app, request, url_for
from flask_login import current_user

from careerexpo.api.blueprint import bp
from careerexpo.api.matchmaking_schemas import RecommendationListSchema
from careerexpo.api.schemas import ID, ErrorSchema
from careerexpo.core import args
from careerexpo.expos.lookups import get_expo_or_404
from careerexpo.extensions import csrf
from careerexpo.matchmaking import reasons, services

TAG = "Matchmaking"
SESSION = "sessionCookie"
EXPO_PARAMETER = {"in": "query", "name": "expo", "required": False,
                  "description": "An expo's slug: only roles of companies with a booth there.",
                  "schema": {"type": "string", "maxLength": 80}}


def _candidate() -> int:
    """The signed-in candidate's id: 401 when nobody is signed in, 403 for other roles."""
    if not current_user.is_authenticated:
        abort(401, "sign in first: this endpoint uses the session cookie")
    if not current_user.is_candidate:
        abort(403, "recommendations are for job seekers")
    return current_user.id


def _document(view):
    view = bp.doc(security=[{SESSION: []}])(view)
    view = bp.alt_response(401, schema=ErrorSchema, description="Not signed in.")(view)
    return bp.alt_response(403, schema=ErrorSchema,
                           description="Signed in, but not as a job seeker.")(view)


def _item(r) -> dict:
    booth = r.booth and {"id": r.booth.booth_id, "expo": r.booth.expo_slug,
                         "url": url_for("booths.booth", slug=r.booth.expo_slug,
                                        booth_id=r.booth.booth_id, _external=True)}
    return {"job": r.job, "score": r.score, "reasons": reasons.as_json(r.reasons),
            "booth": booth}


@bp.get("/me/recommendations", tags=[TAG])
@bp.doc(parameters=[EXPO_PARAMETER])
@bp.alt_response(404, schema=ErrorSchema, description="No expo has this slug.")
@bp.response(200, RecommendationListSchema)
@_document
def my_recommendations():
    """Open roles recommended to me, with reasons

    Ranked against the profile (skills, headline, levels, degree, regions, areas, kinds of
    work) and the roles saved and applied to. Never a role applied to or dismissed; no
    company more than three times.
    """
    candidate_id = _candidate()
    slug = args.text(request.args, "expo", 80)
    expo = get_expo_or_404(slug) if slug else None
    items = services.shown_recommendations(candidate_id, expo)
    return {"items": [_item(r) for r in items]}


@bp.post(f"/me/recommendations/<{ID}:job_id>/dismiss", tags=[TAG])
@bp.alt_response(400, schema=ErrorSchema, description="The X-CSRFToken header is missing or "
                                                      "not valid.")
@bp.alt_response(404, schema=ErrorSchema, description="No role has this id.")
@bp.response(204)
@_document
def dismiss_recommendation(job_id: int):
    """Never recommend this role to me again

    Send the page's CSRF token (``<meta name="csrf-token">``) in ``X-CSRFToken``.
    """
    candidate_id = _candidate()
    if current_app.config.get("WTF_CSRF_ENABLED", True):
        csrf.protect()
    try:
        services.dismiss(candidate_id, job_id)
    except services.NotFound:
        abort(404, "no role with that id")
    return "", 204
