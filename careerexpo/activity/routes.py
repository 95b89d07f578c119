"""Live activity pages for organisers: /expos/<slug>/activity, its JSON and CSV."""

from flask import Blueprint, render_template, request

from careerexpo.activity import services as activity
from careerexpo.core import args
from careerexpo.core.access import organiser_required
from careerexpo.core.csv_export import csv_response
from careerexpo.core.formatting import minutes
from careerexpo.expos.lookups import get_expo_or_404
from careerexpo.matchmaking import reports as matchmaking

bp = Blueprint("activity", __name__)

FUNNEL_HEADER = ("booth_id", "company", "visits", "chats_requested", "chats_answered",
                 "chats_missed", "waiting_now", "applications")
MATCHMAKING_STAGES = [stage.value for stage in matchmaking.STAGES]
MATCHMAKING_BOOTH_HEADER = ("booth_id", "company", *MATCHMAKING_STAGES, "no_show",
                            "no_show_rate")
MATCHMAKING_DAY_HEADER = ("day", *MATCHMAKING_STAGES, "no_show", "no_show_rate")
SORTS = ("visits", "chats", "answered", "missed", "waiting", "applications", "company")


def _sorted(rows, key: str | None):
    if key is None:
        return rows  # booths that need help first
    return sorted(rows, key=lambda f: getattr(f, key), reverse=key != "company")


def overview_json(data: dict) -> dict:
    out = {k: v for k, v in data.items() if k != "funnels"}
    # Written the reader's way, as the page writes it: "3 min", "少於一分鐘".
    out["median_wait_text"] = minutes(data["median_wait_seconds"])
    out["funnels"] = [{**vars(f), "needs_help": f.needs_help} for f in data["funnels"]]
    return out


@bp.get("/<slug>/activity")
@organiser_required
def live_activity(slug: str):
    expo = get_expo_or_404(slug)
    data = activity.overview(expo)
    sort = args.choice(request.args, "sort", SORTS)
    return render_template("activity/live.html", expo=expo, data=data, sort=sort,
                           funnels=_sorted(data["funnels"], sort),
                           payload=overview_json(data), matchmaking=matchmaking.as_json(expo))


@bp.get("/<slug>/activity.json")
@organiser_required
def live_activity_json(slug: str):
    return overview_json(activity.overview(get_expo_or_404(slug)))


@bp.get("/<slug>/activity.csv")
@organiser_required
def live_activity_csv(slug: str):
    expo = get_expo_or_404(slug)
    rows = ([f.booth_id, f.company, f.visits, f.chats, f.answered, f.missed, f.waiting,
             f.applications] for f in activity.funnels(expo))
    return csv_response(f"{expo.slug}-booth-funnels.csv", FUNNEL_HEADER, rows)


def _stage_cells(row) -> list:
    return [*(row.counts[s] for s in MATCHMAKING_STAGES), row.counts["no_show"],
            row.no_show_rate]


@bp.get("/<slug>/activity/matchmaking-booths.csv")
@organiser_required
def matchmaking_booths_csv(slug: str):
    expo = get_expo_or_404(slug)
    rows = ([b.booth_id, b.company, *_stage_cells(b)] for b in matchmaking.by_booth(expo))
    return csv_response(f"{expo.slug}-matchmaking-by-booth.csv", MATCHMAKING_BOOTH_HEADER, rows)


@bp.get("/<slug>/activity/matchmaking-days.csv")
@organiser_required
def matchmaking_days_csv(slug: str):
    expo = get_expo_or_404(slug)
    rows = ([d.day, *_stage_cells(d)] for d in matchmaking.by_day(expo))
    return csv_response(f"{expo.slug}-matchmaking-by-day.csv", MATCHMAKING_DAY_HEADER, rows)
