"""Expo endpoints of the JSON API: the list of expos and each expo's headline figures.

Public, like the figures themselves; thin over ``careerexpo.stats.services``.
"""

from flask import request

from careerexpo.api.blueprint import bp
from careerexpo.api.expo_schemas import ExpoListSchema, ExpoStatsArgsSchema, ExpoStatsSchema
from careerexpo.api.schemas import ErrorSchema
from careerexpo.expos.lookups import get_expo_or_404
from careerexpo.stats.filters import StatsFilters
from careerexpo.stats.services import expo_stats, expo_summaries

TAG = "Expos"
SLUG_PARAMETER = {"in": "path", "name": "slug", "description": "The expo's slug, e.g. hk-it-2026.",
                  "schema": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                             "maxLength": 80}}


@bp.get("/expos", tags=[TAG])
@bp.alt_response(200, schema=ExpoListSchema, success=True, description="OK")
def list_expos():
    """Every expo, newest first, with its numbers of companies and open jobs."""
    return {"items": expo_summaries()}


@bp.get("/expos/<slug>/stats", tags=[TAG], parameters=[SLUG_PARAMETER])
@bp.doc(parameters=[{"in": "query", "schema": ExpoStatsArgsSchema}],
        summary="An expo's headline figures, optionally for one area or programme",
        description="Computed over the expo's open roles and the companies with a booth.")
@bp.alt_response(200, schema=ExpoStatsSchema, success=True, description="OK")
@bp.alt_response(400, schema=ErrorSchema, description="A filter is not valid; it is named.")
@bp.alt_response(404, schema=ErrorSchema, description="No expo has this slug.")
def get_expo_stats(slug: str):
    """The expo's headline figures and their text, narrowed by ``area`` and ``programme``.

    :raise 404: when there is no expo ``slug``.
    :raise BadParameter: (400 naming it) for an unknown ``area`` or ``programme``.
    """
    return expo_stats(get_expo_or_404(slug), StatsFilters.from_args(request.args)).as_json()
