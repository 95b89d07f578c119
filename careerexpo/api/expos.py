"""Expo endpoints of the JSON API: the list of expos and each expo's headline figures.

Public, like the figures themselves; thin over ``careerexpo.stats.services``.
"""

from flask import abort, request

from careerexpo.api import bp
from careerexpo.stats.filters import StatsFilters
from careerexpo.stats.services import expo_stats, expo_summaries, get_expo


@bp.get("/expos")
def list_expos():
    """Every expo, newest first, with its numbers of companies and open jobs."""
    return {"items": expo_summaries()}


@bp.get("/expos/<slug>/stats")
def get_expo_stats(slug: str):
    """The expo's headline figures and their text, narrowed by ``area`` and ``programme``.

    :raise 404: when there is no expo ``slug``.
    :raise BadParameter: (400 naming it) for an unknown ``area`` or ``programme``.
    """
    expo = get_expo(slug)
    if expo is None:
        abort(404, "no expo with that slug")
    filters = StatsFilters.from_args(request.args)
    return expo_stats(expo, filters.area, filters.programme).as_json()
