"""Live activity pages for organisers: /expos/<slug>/activity, its JSON and CSV."""

from flask import Blueprint, render_template, request

from careerexpo.activity import services as activity
from careerexpo.core import args
from careerexpo.core.access import organiser_required
from careerexpo.core.csv_export import csv_response
from careerexpo.core.formatting import minutes
from careerexpo.expos.lookups import get_expo_or_404

bp = Blueprint("activity", __name__)

FUNNEL_HEADER = ("booth_id", "company", "visits", "chats_requested", "chats_answered",
                 "chats_missed", "waiting_now", "applications")
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
                           payload=overview_json(data))


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
