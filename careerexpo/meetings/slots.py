"""Booth staff publishing meeting slots, and what candidates see of them."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import lazyload

from careerexpo.auth.models import User
from careerexpo.booths import staffing
from careerexpo.booths.models import Booth
from careerexpo.core.database import utcnow
from careerexpo.core.hktime import HONG_KONG
from careerexpo.extensions import db
from careerexpo.meetings import expiry
from careerexpo.meetings.errors import Conflict, InvalidField, NotFound
from careerexpo.meetings.models import LIVE, MAX_MINUTES, MIN_MINUTES, Meeting, MeetingSlot

MAX_COUNT = 20  # back-to-back slots published at once


@dataclass(frozen=True)
class SlotRow:
    slot: MeetingSlot
    meeting: Meeting | None  # the live meeting holding it, if any

    @property
    def available(self) -> bool:
        return self.meeting is None and self.slot.starts_at > utcnow()


def window(booth: Booth) -> tuple[datetime, datetime]:
    """From the first moment to the last at which the booth's expo takes meetings."""
    expo = booth.expo
    return (datetime.combine(expo.meetings_from, time(0), tzinfo=HONG_KONG),
            datetime.combine(expo.meetings_until + timedelta(days=1), time(0),
                             tzinfo=HONG_KONG))


def check_bookable(slot: MeetingSlot, now: datetime) -> None:
    """:raise Conflict: when the slot has started or lies outside its expo's window."""
    opens, closes = window(slot.booth)
    if slot.starts_at <= now:
        raise Conflict(_("This slot has already started."), "slot_id")
    if not (opens <= slot.starts_at and slot.ends_at <= closes):
        raise Conflict(_("This slot is outside the expo's matchmaking window."), "slot_id")


def _overlapping(booth_id: int, starts: datetime, ends: datetime, ignore=()) -> bool:
    near = db.session.scalars(sa.select(MeetingSlot).where(
        MeetingSlot.booth_id == booth_id, MeetingSlot.starts_at < ends,
        MeetingSlot.starts_at > starts - timedelta(minutes=MAX_MINUTES),
        MeetingSlot.id.not_in(list(ignore)) if ignore else sa.true()))
    return any(slot.ends_at > starts for slot in near)


def publish(user: User, booth: Booth, starts_at: datetime, duration_minutes: int,
            count: int = 1, now: datetime | None = None) -> list[MeetingSlot]:
    """Adds ``count`` back-to-back slots from ``starts_at``.

    :raise NotFound: unless ``user`` staffs the booth.
    :raise InvalidField: for a length, count or time that cannot be used.
    :raise Conflict: when a new slot overlaps one the booth has.
    """
    now = now or utcnow()
    if not staffing.is_staff(user, booth):
        raise NotFound(_("There is no such booth."))
    if not MIN_MINUTES <= duration_minutes <= MAX_MINUTES:
        raise InvalidField(_("A slot lasts from %(least)s to %(most)s minutes.",
                             least=MIN_MINUTES, most=MAX_MINUTES), "duration_minutes")
    if not 1 <= count <= MAX_COUNT:
        raise InvalidField(_("Publish from 1 to %(most)s slots at once.", most=MAX_COUNT),
                           "count")
    if starts_at.tzinfo is None:
        raise InvalidField(_("Give the time with its offset from UTC."), "starts")
    length = timedelta(minutes=duration_minutes)
    ends_at = starts_at + length * count
    opens, closes = window(booth)
    if starts_at <= now:
        raise InvalidField(_("Slots must start in the future."), "starts")
    if starts_at < opens or ends_at > closes:
        raise InvalidField(_("Slots must fall within the expo's matchmaking window, "
                             "%(first)s to %(last)s.", first=booth.expo.meetings_from.isoformat(),
                             last=booth.expo.meetings_until.isoformat()), "starts")
    conflict = Conflict(_("These times overlap a slot the booth already has."), "starts")
    if _overlapping(booth.id, starts_at, ends_at):
        raise conflict
    # Serialises publishers of one booth on PostgreSQL; SQLite writes one at a time anyway.
    db.session.execute(sa.select(Booth.id).where(Booth.id == booth.id).with_for_update())
    slots = [MeetingSlot(booth_id=booth.id, starts_at=starts_at + length * i,
                         duration_minutes=duration_minutes, created_by_id=user.id)
             for i in range(count)]
    db.session.add_all(slots)
    db.session.flush()
    # Checked again now that this transaction holds the write: a publisher that raced
    # past the first check is caught here.
    if _overlapping(booth.id, starts_at, ends_at, ignore=[s.id for s in slots]):
        db.session.rollback()
        raise conflict
    db.session.commit()
    return slots


def booth_slots(booth: Booth, since: datetime | None = None) -> list[SlotRow]:
    """The booth's slots from ``since`` (default: now), in time order, each with the live
    meeting holding it."""
    since = since or utcnow()
    expiry.lapse(booth.id)
    rows = db.session.execute(
        # The meeting's own joined load of its slot would turn this outer join inner.
        sa.select(MeetingSlot, Meeting).options(lazyload(Meeting.slot))
        .outerjoin(Meeting, sa.and_(Meeting.slot_id == MeetingSlot.id, Meeting.status.in_(LIVE)))
        .where(MeetingSlot.booth_id == booth.id, MeetingSlot.starts_at >= since)
        .order_by(MeetingSlot.starts_at, MeetingSlot.id))
    return [SlotRow(slot, meeting) for slot, meeting in rows]


def free_slots(booth: Booth) -> list[MeetingSlot]:
    """Slots a candidate may still ask for: to come, and held by nobody."""
    return [row.slot for row in booth_slots(booth) if row.available]


def booth_slot(booth_id: int, slot_id: int) -> MeetingSlot | None:
    return db.session.scalar(sa.select(MeetingSlot).where(
        MeetingSlot.id == slot_id, MeetingSlot.booth_id == booth_id))


def withdraw(user: User, slot_id: int) -> None:
    """Takes back a slot nobody has asked for (published at the wrong time, say).

    :raise NotFound: for no such slot, or a user who does not staff its booth.
    :raise Conflict: once a request names it: the meeting's history keeps its slot, and
        the request is answered (declined, cancelled) instead.
    """
    slot = db.session.get(MeetingSlot, slot_id) if slot_id else None
    if slot is None or not staffing.is_staff(user, slot.booth):
        raise NotFound(_("There is no such slot."), "slot_id")
    # Locking the slot first makes a request racing in wait, and then see it gone (its
    # insert fails, and the candidate is told the slot is taken); a request committed
    # before the lock is seen by the check below, which runs after it.
    db.session.execute(sa.select(MeetingSlot.id).where(MeetingSlot.id == slot.id)
                       .with_for_update())
    if db.session.scalar(sa.select(Meeting.id).where(Meeting.slot_id == slot.id).limit(1)):
        db.session.rollback()
        raise Conflict(_("Someone has asked for this slot, so it stays: answer their request "
                         "instead."), "slot_id")
    db.session.delete(slot)
    db.session.commit()
