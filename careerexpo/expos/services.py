"""Expos as visitors and organisers see them: live now, upcoming, past; creating and editing."""

import re
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _

from careerexpo.auth.models import User
from careerexpo.booths.models import Booth
from careerexpo.core.hktime import today_hk
from careerexpo.expos.models import MATCHMAKING_AFTER, Expo
from careerexpo.extensions import db

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_SLUGS = {"new", "uploads"}
# Any slug an import may have made; looser than SLUG, which new expos must follow.
LOOKUP = re.compile(r"^[A-Za-z0-9_.~-]{1,80}$")


class ExpoError(ValueError):
    """The expo cannot be saved as asked; the message says why."""


@dataclass
class ExpoListing:
    live: list = field(default_factory=list)
    upcoming: list = field(default_factory=list)
    past: list = field(default_factory=list)


def find_expo(slug: str) -> Expo | None:
    # A value no slug can have (a NUL, say) is not sent to the database at all.
    if not isinstance(slug, str) or not LOOKUP.match(slug):
        return None
    return db.session.scalar(sa.select(Expo).where(Expo.slug == slug))


def listing(today: date | None = None) -> ExpoListing:
    """Every expo with its booth count, sorted into live now, upcoming and past."""
    today = today or today_hk()
    booths = (sa.select(Booth.expo_id, sa.func.count().label("n"))
              .group_by(Booth.expo_id).subquery())
    rows = db.session.execute(
        sa.select(Expo, sa.func.coalesce(booths.c.n, 0))
        .outerjoin(booths, booths.c.expo_id == Expo.id).order_by(Expo.starts_on.desc()))
    out = ExpoListing()
    for expo, n in rows:
        bucket = (out.upcoming if expo.starts_on > today
                  else out.past if expo.ends_on < today else out.live)
        bucket.append((expo, n))
    out.upcoming.reverse()  # soonest first
    return out


def spotlight(today: date | None = None) -> tuple[list, bool]:
    """The expos a visitor should find first: those open today, else the next one to
    open (each with its booth count), and whether they are open."""
    expos = listing(today)
    return (expos.live, True) if expos.live else (expos.upcoming[:1], False)


def save_expo(user: User, slug: str, name: str, starts_on: date, ends_on: date,
              description: str, expo: Expo | None = None,
              matchmaking: tuple[date | None, date | None] = (None, None)) -> Expo:
    """Creates an expo, or changes ``expo``; for organisers. ``matchmaking`` is the first
    and last day of booked meetings, each ``None`` for the default."""
    if not user.is_organiser:
        raise ExpoError(_("Only organisers create and edit expos."))
    slug = slug.strip().lower()
    if not SLUG.match(slug) or slug in RESERVED_SLUGS:
        raise ExpoError(_("Use lower-case letters, digits and hyphens for the address."))
    if ends_on < starts_on:
        raise ExpoError(_("The expo must end on or after the day it starts."))
    meetings_from, meetings_until = matchmaking
    if (meetings_until or ends_on + MATCHMAKING_AFTER) < (meetings_from or starts_on):
        raise ExpoError(_("Meetings must end on or after the day they start."))
    other = find_expo(slug)
    if other is not None and other is not expo:
        raise ExpoError(_("Another expo uses this address."))
    expo = expo or Expo()
    expo.slug, expo.name, expo.description = slug, name.strip(), description.strip()
    expo.starts_on, expo.ends_on = starts_on, ends_on
    expo.matchmaking_starts_on, expo.matchmaking_ends_on = meetings_from, meetings_until
    db.session.add(expo)
    db.session.commit()
    return expo
