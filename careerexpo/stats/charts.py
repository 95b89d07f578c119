"""The dashboard's charts: for each, its title, rows of (label, count, share) and kind.

One list feeds both the accessible table beside each chart and the JSON block the
page's script draws from, so a chart can never disagree with its table.
"""

from dataclasses import dataclass
from fractions import Fraction

from flask_babel import lazy_gettext as _l

from careerexpo.core.enums import Area, Degree, Function, Level, Region
from careerexpo.stats.figures import ExpoStats
from careerexpo.stats.filters import PROGRAMME_FILTERS, programme_label
from careerexpo.stats.headline import share_of

ROLES, COMPANIES = "roles", "companies"


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    count: int
    share: Fraction  # of the chart's total


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    category: str  # the heading of the table's first column
    kind: str  # "bar", "hbar" (horizontal bars) or "doughnut"
    counts: str  # ROLES or COMPANIES
    total: int  # the expo's roles or companies: what each share is of
    rows: list[Row]
    note: str = ""

    def as_json(self) -> dict:
        """What static/js/stats.js needs to draw the chart."""
        unit = _l("Roles") if self.counts == ROLES else _l("Companies")
        return {"id": self.id, "kind": self.kind, "unit": str(unit),
                "labels": [r.label for r in self.rows], "values": [r.count for r in self.rows]}


def _chart(id, title, category, kind, counts: dict[str, int], label, total: int,
           of=ROLES, order=None, note="") -> Chart:
    rows = [Row(k, str(label(k)), counts[k], share_of(counts[k], total))
            for k in (order or counts)]
    return Chart(id, str(title), str(category), kind, of, total, rows, str(note))


def charts(stats: ExpoStats) -> list[Chart]:
    """The dashboard's charts, in the order the page shows them."""
    jobs, companies, by = stats.jobs, stats.companies, stats.jobs_by
    overseas = {"yes": stats.jobs_open_to_overseas, "no": jobs - stats.jobs_open_to_overseas}
    overseas_labels = {"yes": _l("Open to overseas & GBA talent"),
                       "no": _l("Not open to overseas & GBA talent")}
    return [
        _chart("areas", _l("Roles by area"), _l("Area"), "hbar", by["area"],
               lambda k: Area(k).label, jobs, order=[k for k, _n in stats.areas_by_jobs()]),
        _chart("levels", _l("Roles by level"), _l("Level"), "bar", by["level"],
               lambda k: Level(k).label, jobs),
        _chart("degrees", _l("Roles by minimum degree"), _l("Minimum degree"), "bar",
               by["degree"], lambda k: Degree(k).label, jobs),
        _chart("regions", _l("Roles by where they are based"), _l("Based in"), "bar",
               by["region"], lambda k: Region(k).label, jobs),
        _chart("functions", _l("Roles by function"), _l("Function"), "bar", by["function"],
               lambda k: Function(k).label, jobs),
        _chart("overseas", _l("Roles open to overseas and GBA talent"),
               _l("Talent from outside Hong Kong"),
               "doughnut", overseas, overseas_labels.get, jobs),
        _chart("offices", _l("Companies by office region"), _l("Office in"), "bar",
               stats.companies_by_office_region, lambda k: Region(k).label, companies,
               of=COMPANIES,
               note=_l("A company with offices in several regions counts in each.")),
        _chart("programmes", _l("Companies by programme"), _l("Programme"), "doughnut",
               stats.companies_by_programme, programme_label, companies, of=COMPANIES,
               order=list(PROGRAMME_FILTERS)),
    ]
