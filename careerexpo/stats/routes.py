"""The expo's figures as pages: the public dashboard, and organisers' CSV and print summary."""

from flask import Blueprint, render_template, request

from careerexpo.core.access import organiser_required
from careerexpo.core.csv_export import csv_response
from careerexpo.core.database import utcnow
from careerexpo.expos.lookups import get_expo_or_404
from careerexpo.stats.charts import charts
from careerexpo.stats.exports import HEADER, stats_rows
from careerexpo.stats.filters import PROGRAMME_FILTERS, StatsFilters, programme_label
from careerexpo.stats.services import expo_stats

bp = Blueprint("stats", __name__)


def _stats_of_request(slug: str):
    """The expo's figures under the request's filters.

    :raise 404: when there is no expo ``slug``. :raise BadParameter: for a bad filter.
    """
    expo = get_expo_or_404(slug)
    return expo_stats(expo, StatsFilters.from_args(request.args))


@bp.get("/<slug>/stats")
def dashboard(slug: str):
    """Public: the headline figures are what an organiser publishes."""
    stats = _stats_of_request(slug)
    # A chart of nothing (a filter that matches no role) would be a table of zeros.
    chart_list = [chart for chart in charts(stats) if chart.total]
    return render_template(
        "stats/dashboard.html", stats=stats, charts=chart_list, as_of=utcnow(),
        chart_data={"charts": [c.as_json() for c in chart_list]},
        programmes=[(key, programme_label(key)) for key in PROGRAMME_FILTERS])


@bp.get("/<slug>/stats.csv")
@organiser_required
def export_csv(slug: str):
    stats = _stats_of_request(slug)
    name = "-".join([stats.expo.slug, *stats.filters.as_args().values(), "stats"])
    return csv_response(f"{name}.csv", HEADER, stats_rows(stats))


@bp.get("/<slug>/stats/print")
@organiser_required
def print_summary(slug: str):
    """A one-page press-release block, for the browser's Print."""
    return render_template("stats/print.html", stats=_stats_of_request(slug), as_of=utcnow())
