"""Scheduling presentations, registering for them, and calendar files."""

from datetime import date, datetime, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _
from icalendar import Calendar, Event
from sqlalchemy.orm import joinedload

from careerexpo.auth.models import User
from careerexpo.booths import staffing
from careerexpo.booths.models import Booth
from careerexpo.core.database import utcnow
from careerexpo.core.hktime import to_hk
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.presentations.models import Presentation, PresentationRegistration


class PresentationError(ValueError):
    """The presentation cannot be scheduled or joined as asked; the message says why."""


def schedule(user: User, booth: Booth, title: str, abstract: str, starts_at: datetime,
             duration_minutes: int, stream_url: str = "", recording_url: str = "",
             presentation: Presentation | None = None) -> Presentation:
    """Adds a presentation to the booth, or changes ``presentation``."""
    if not staffing.can_moderate(user, booth):
        raise PresentationError(_("Only the booth's staff can schedule its presentations."))
    presentation = presentation or Presentation(booth_id=booth.id)
    if presentation.booth_id != booth.id:
        raise PresentationError(_("That presentation belongs to another booth."))
    presentation.title, presentation.abstract = title.strip(), abstract.strip()
    presentation.starts_at, presentation.duration_minutes = starts_at, duration_minutes
    presentation.stream_url, presentation.recording_url = stream_url, recording_url
    db.session.add(presentation)
    db.session.commit()
    return presentation


def booth_presentations(booth: Booth) -> list[Presentation]:
    return list(db.session.scalars(sa.select(Presentation).where(
        Presentation.booth_id == booth.id).order_by(Presentation.starts_at)))


def now_and_next(booth_ids, now: datetime | None = None) -> dict[int, dict]:
    """Per booth: the presentation on now and the next one, from one query."""
    now = now or utcnow()
    rows = db.session.scalars(sa.select(Presentation).where(
        Presentation.booth_id.in_(list(booth_ids)),
        Presentation.starts_at > now - timedelta(hours=8)).order_by(Presentation.starts_at))
    out: dict[int, dict] = {}
    for p in rows:
        slot = out.setdefault(p.booth_id, {"now": None, "next": None})
        if p.is_live(now) and slot["now"] is None:
            slot["now"] = p
        elif p.starts_at > now and slot["next"] is None:
            slot["next"] = p
    return out


def booth_presentation(booth: Booth, presentation_id: int) -> Presentation | None:
    """The booth's presentation with this id; ``None`` for another booth's."""
    return db.session.scalar(sa.select(Presentation).where(
        Presentation.id == presentation_id, Presentation.booth_id == booth.id))


def expo_agenda(expo: Expo) -> list[tuple[date, list[Presentation]]]:
    """Every presentation at the expo's booths, by Hong Kong day, in time order."""
    talks = db.session.scalars(
        sa.select(Presentation).join(Booth, Booth.id == Presentation.booth_id)
        .options(joinedload(Presentation.booth).joinedload(Booth.company))
        .where(Booth.expo_id == expo.id).order_by(Presentation.starts_at, Presentation.id))
    days: dict[date, list[Presentation]] = {}
    for talk in talks:
        days.setdefault(to_hk(talk.starts_at).date(), []).append(talk)
    return list(days.items())


def on_stage_now(expo: Expo, now: datetime | None = None) -> list[Presentation]:
    """The expo's presentations under way right now."""
    now = now or utcnow()
    candidates = db.session.scalars(
        sa.select(Presentation).join(Booth, Booth.id == Presentation.booth_id)
        .options(joinedload(Presentation.booth).joinedload(Booth.company))
        .where(Booth.expo_id == expo.id, Presentation.starts_at <= now,
               Presentation.starts_at > now - timedelta(hours=8))
        .order_by(Presentation.starts_at))
    return [talk for talk in candidates if talk.is_live(now)]


def register(user: User, booth: Booth, presentation_id: int) -> Presentation:
    """Registers a candidate for one of the booth's presentations (once, however often
    asked)."""
    presentation = booth_presentation(booth, presentation_id)
    if presentation is None:
        raise PresentationError(_("There is no such presentation."))
    if not user.is_candidate:
        raise PresentationError(_("Only job seekers register for presentations."))
    if presentation.is_over():
        raise PresentationError(_("This presentation is over; watch the recording instead."))
    if db.session.get(PresentationRegistration, (presentation.id, user.id)) is None:
        db.session.add(PresentationRegistration(presentation_id=presentation.id,
                                                user_id=user.id))
        db.session.commit()
    return presentation


def registered_ids(user: User, presentation_ids) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(db.session.scalars(sa.select(PresentationRegistration.presentation_id).where(
        PresentationRegistration.user_id == user.id,
        PresentationRegistration.presentation_id.in_(list(presentation_ids)))))


def ics(presentation: Presentation, url: str) -> bytes:
    """An iCalendar file with the presentation, for the candidate's own calendar."""
    calendar = Calendar()
    calendar.add("prodid", "-//CareerExpo//Presentations//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"presentation-{presentation.id}@careerexpo")
    event.add("summary", presentation.title)
    event.add("description", f"{presentation.abstract}\n\n{url}".strip())
    event.add("dtstart", presentation.starts_at)
    event.add("dtend", presentation.ends_at)
    event.add("dtstamp", utcnow())
    event.add("url", presentation.stream_url or url)
    event.add("location", presentation.stream_url or url)
    calendar.add_component(event)
    return calendar.to_ical()
