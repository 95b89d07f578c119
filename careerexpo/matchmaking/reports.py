"""The organisers' matchmaking funnel of an expo: recommended → viewed → requested →
accepted → held → applied, with no-shows, per booth and per Hong Kong day.

Each stage counts people (one funnel row per candidate, booth and stage), counted in
SQL. The days run from the expo's first day (or the first row, if earlier: a
matchmaking window may open before the fair and run past it) to today at the latest:
days still to come are not zeros yet.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa

from careerexpo.booths.models import Booth
from careerexpo.companies.models import Company
from careerexpo.core.database import hk_day, tally
from careerexpo.core.hktime import today_hk
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.matchmaking.models import FunnelEvent, FunnelStage

# The funnel as organisers read it; no-shows are shown as a rate beside it.
STAGES = [FunnelStage.RECOMMENDED, FunnelStage.VIEWED, FunnelStage.REQUESTED,
          FunnelStage.ACCEPTED, FunnelStage.HELD, FunnelStage.APPLIED]


@dataclass
class FunnelCounts:
    counts: dict[str, int]  # every FunnelStage value

    @property
    def no_show_rate(self) -> float | None:
        """No-shows among the meetings that were due: held or missed."""
        due = self.counts["held"] + self.counts["no_show"]
        return round(self.counts["no_show"] / due, 4) if due else None


@dataclass
class BoothCounts(FunnelCounts):
    booth_id: int = 0
    company: str = ""


@dataclass
class DayCounts(FunnelCounts):
    day: date | None = None


def _tallies():
    return [tally(FunnelEvent.stage == stage, stage.value) for stage in FunnelStage]


def _counts(row) -> dict[str, int]:
    return {stage.value: int(getattr(row, stage.value)) for stage in FunnelStage}


def by_booth(expo: Expo) -> list[BoothCounts]:
    """Each booth with a funnel, most recommended first."""
    rows = db.session.execute(
        sa.select(Booth.id, Company.name, *_tallies())
        .join(FunnelEvent, FunnelEvent.booth_id == Booth.id)
        .join(Company, Company.id == Booth.company_id)
        .where(Booth.expo_id == expo.id).group_by(Booth.id, Company.name))
    out = [BoothCounts(_counts(r), booth_id=r.id, company=r.name) for r in rows]
    out.sort(key=lambda b: (-b.counts["recommended"], b.company, b.booth_id))
    return out


def by_day(expo: Expo, today: date | None = None) -> list[DayCounts]:
    """The whole expo's funnel on each day, from its first day (or first row) to today."""
    day = hk_day(FunnelEvent.occurred_at).label("day")
    rows = db.session.execute(
        sa.select(day, *_tallies()).join(Booth, Booth.id == FunnelEvent.booth_id)
        .where(Booth.expo_id == expo.id).group_by(day))
    found = {str(r.day): _counts(r) for r in rows}
    first = min([expo.starts_on, *(date.fromisoformat(d) for d in found)])
    last = min(max([expo.ends_on, *(date.fromisoformat(d) for d in found)]),
               today or today_hk())
    empty = {stage.value: 0 for stage in FunnelStage}
    days, current = [], first
    while current <= last:
        days.append(DayCounts(found.get(current.isoformat(), empty), day=current))
        current += timedelta(days=1)
    return days


def totals(expo: Expo) -> FunnelCounts:
    """The whole expo's funnel: a person counts once with each booth they reached."""
    row = db.session.execute(sa.select(*_tallies()).select_from(FunnelEvent)
                             .join(Booth, Booth.id == FunnelEvent.booth_id)
                             .where(Booth.expo_id == expo.id)).one()
    return FunnelCounts(_counts(row))


def as_json(expo: Expo, today: date | None = None) -> dict:
    booths = by_booth(expo)
    overall = totals(expo)
    return {
        "stages": [s.value for s in STAGES],
        "labels": {s.value: str(s.label) for s in STAGES},
        "totals": {**overall.counts, "no_show_rate": overall.no_show_rate},
        "by_day": [{"day": d.day.isoformat(), **d.counts, "no_show_rate": d.no_show_rate}
                   for d in by_day(expo, today)],
        "by_booth": [{"booth_id": b.booth_id, "company": b.company, **b.counts,
                      "no_show_rate": b.no_show_rate} for b in booths],
    }
