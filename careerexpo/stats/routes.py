"""The expo's figures as pages: the public dashboard, and organisers' CSV and print summary."""

import re

from babel.lists import format_list
from flask import abort, render_template, request
from flask_babel import format_percent, get_locale
from flask_babel import gettext as _

from careerexpo.core.access import organiser_required
from careerexpo.core.database import utcnow
from careerexpo.core.enums import Area
from careerexpo.stats import bp
from careerexpo.stats.charts import charts
from careerexpo.stats.exports import stats_csv
from careerexpo.stats.filters import PROGRAMME_FILTERS, StatsFilters, programme_label
from careerexpo.stats.services import expo_stats, get_expo


def _stats_of_request(slug: str):
    """The expo's figures under the request's filters.

    :raise 404: when there is no expo ``slug``. :raise BadParameter: for a bad filter.
    """
    expo = get_expo(slug)
    if expo is None:
        abort(404, _("There is no such expo."))
    filters = StatsFilters.from_args(request.args)
    return expo_stats(expo, filters.area, filters.programme)


@bp.get("/<slug>/stats")
def dashboard(slug: str):
    """Public: the headline figures are what an organiser publishes."""
    stats = _stats_of_request(slug)
    chart_list = charts(stats)
    return render_template(
        "stats/dashboard.html", stats=stats, charts=chart_list, as_of=utcnow(),
        chart_data={"charts": [c.as_json() for c in chart_list]},
        programmes=[(key, programme_label(key)) for key in PROGRAMME_FILTERS])


@bp.get("/<slug>/stats.csv")
@organiser_required
def export_csv(slug: str):
    stats = _stats_of_request(slug)
    # Slugs are organisers' text: keep the file name to safe characters.
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", "-".join(
        [stats.expo.slug, *stats.filters.as_args().values(), "stats"]))
    return stats_csv(stats), {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": f'attachment; filename="{name}.csv"',
    }


@bp.get("/<slug>/stats/print")
@organiser_required
def print_summary(slug: str):
    """A one-page press-release block, for the browser's Print."""
    return render_template("stats/print.html", stats=_stats_of_request(slug), as_of=utcnow())


@bp.context_processor
def _helpers():
    """Labels and a locale-aware "a, b and c" for this blueprint's templates."""
    return {"area_label": lambda key: Area(key).label, "programme_label": programme_label,
            "list_of": lambda items: format_list(list(items), locale=get_locale()),
            # An exact share to one decimal for the tables: 0.7234 → "72.3%".
            "percent": lambda share: format_percent(float(share), "#,##0.0%")}
