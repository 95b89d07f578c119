"""A meeting's life: requested, accepted or declined, cancelled, rescheduled, held.

Every function checks who may do it (another company's staff, or another candidate,
get ``NotFound``), writes in one transaction with the funnel row it earns and the
emails telling both sides the change with a calendar file (``notices.py``), and sends
those once it has committed.
"""

from datetime import datetime, time, timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from careerexpo.auth.models import User
from careerexpo.booths import staffing
from careerexpo.booths.models import Booth
from careerexpo.core.database import as_row_id, utcnow
from careerexpo.core.hktime import HONG_KONG, to_hk
from careerexpo.extensions import db
from careerexpo.mailing import outbox
from careerexpo.matchmaking import funnel
from careerexpo.matchmaking.models import FunnelStage
from careerexpo.meetings import expiry, notices, slots
from careerexpo.meetings.errors import Conflict, DailyLimit, InvalidField, NotFound
from careerexpo.meetings.models import LIVE, Meeting, MeetingSlot, MeetingStatus

NOTE_MAX = 500


def _config(name: str) -> int:
    return current_app.config[name]


def _clean(text: str | None, field: str, required: bool = False) -> str:
    text = (text or "").strip()
    if len(text) > NOTE_MAX:
        raise InvalidField(_("Keep it to %(most)s characters.", most=NOTE_MAX), field)
    if required and not text:
        raise InvalidField(_("Say why, in a few words."), field)
    return text


def start_of_day_hk(now: datetime) -> datetime:
    return datetime.combine(to_hk(now).date(), time(0), tzinfo=HONG_KONG)


def requests_today(candidate: User, now: datetime | None = None) -> int:
    """Meetings the candidate asked for since midnight, Hong Kong time."""
    return db.session.scalar(sa.select(sa.func.count()).select_from(Meeting).where(
        Meeting.candidate_id == candidate.id,
        Meeting.created_at >= start_of_day_hk(now or utcnow())))


def requests_left(candidate: User, now: datetime | None = None) -> int:
    return max(0, _config("MEETING_REQUESTS_PER_DAY") - requests_today(candidate, now))


def _clashes(candidate_id: int, slot: MeetingSlot, ignore_meeting: int | None = None) -> bool:
    """Whether the candidate holds another live meeting overlapping ``slot``."""
    others = db.session.scalars(sa.select(MeetingSlot).join(
        Meeting, Meeting.slot_id == MeetingSlot.id).where(
        Meeting.candidate_id == candidate_id, Meeting.status.in_(LIVE),
        Meeting.id != (ignore_meeting or 0),
        MeetingSlot.starts_at < slot.ends_at,
        MeetingSlot.starts_at > slot.starts_at - timedelta(minutes=60)))
    return any(other.ends_at > slot.starts_at for other in others)


def _expiry(slot: MeetingSlot, now: datetime) -> datetime:
    return min(now + timedelta(hours=_config("MEETING_REQUEST_HOURS")), slot.starts_at)


def _slot_taken() -> Conflict:
    return Conflict(_("Someone else has asked for this slot; pick another."), "slot_id")


def _clash() -> Conflict:
    return Conflict(_("You have another meeting at that time."), "slot_id")


def request_meeting(candidate: User, slot_id, note: str = "", share_profile: bool = False,
                    now: datetime | None = None) -> Meeting:
    """A candidate asks for a slot.

    :raise NotFound: for no such slot, or a person who is not a candidate.
    :raise Conflict: when the slot is held, has started, or clashes with their meetings.
    :raise DailyLimit: past MEETING_REQUESTS_PER_DAY.
    """
    now = now or utcnow()
    slot_id = as_row_id(slot_id)
    slot = db.session.get(MeetingSlot, slot_id) if slot_id else None
    if slot is None or not candidate.is_candidate:
        raise NotFound(_("There is no such slot."), "slot_id")
    note = _clean(note, "note")
    slots.check_bookable(slot, now)
    expiry.lapse(slot.booth_id, now)
    limit = DailyLimit(_("You have made today's %(n)s meeting requests; ask again tomorrow.",
                         n=_config("MEETING_REQUESTS_PER_DAY")))
    if requests_left(candidate, now) <= 0:
        raise limit
    if db.session.scalar(sa.select(Meeting.id).where(Meeting.slot_id == slot.id,
                                                     Meeting.status.in_(LIVE))):
        raise _slot_taken()
    if _clashes(candidate.id, slot):
        raise _clash()
    # One candidate's requests one at a time on PostgreSQL (their clashes and daily count).
    db.session.execute(sa.select(User.id).where(User.id == candidate.id).with_for_update())
    meeting = Meeting(slot=slot, booth_id=slot.booth_id, candidate_id=candidate.id, note=note,
                      share_profile=bool(share_profile), created_at=now, updated_at=now,
                      expires_at=_expiry(slot, now))
    db.session.add(meeting)
    try:
        # The unique partial index on live meetings' slots decides every race here.
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise _slot_taken() from None
    # Again, now that the write is under way: a request of theirs that raced in is seen.
    if _clashes(candidate.id, slot, ignore_meeting=meeting.id):
        db.session.rollback()
        raise _clash()
    if requests_today(candidate, now) > _config("MEETING_REQUESTS_PER_DAY"):
        db.session.rollback()
        raise limit
    funnel.record(FunnelStage.REQUESTED, booth_id=slot.booth_id, candidate_id=candidate.id,
                  at=now)
    notices.queue(meeting, notices.REQUESTED)
    db.session.commit()
    outbox.deliver_soon()
    return meeting


def is_staff_of(user: User, meeting: Meeting) -> bool:
    return staffing.is_staff(user, meeting.booth)


def find(user: User, meeting_id) -> Meeting:
    """The meeting, if ``user`` is its candidate or staffs its booth.

    :raise NotFound: otherwise, whoever's it is.
    """
    meeting_id = as_row_id(meeting_id)
    meeting = db.session.get(Meeting, meeting_id) if meeting_id else None
    if meeting is None or not (meeting.candidate_id == user.id or is_staff_of(user, meeting)):
        raise NotFound(_("There is no such meeting."))
    return meeting


def _staff_meeting(user: User, meeting_id) -> Meeting:
    meeting = find(user, meeting_id)
    if not is_staff_of(user, meeting):
        raise NotFound(_("There is no such meeting."))
    return meeting


def _move(meeting: Meeting, to: MeetingStatus, frm=LIVE, now: datetime | None = None,
          **values) -> None:
    """Changes the status only if it still is one of ``frm`` (an expiry or the other side
    may have got there first); the calendar's sequence rises with it."""
    now = now or utcnow()
    changed = db.session.execute(sa.update(Meeting).where(
        Meeting.id == meeting.id, Meeting.status.in_(frm)).values(
        status=to, sequence=Meeting.sequence + 1, updated_at=now, **values))
    if changed.rowcount != 1:
        db.session.rollback()
        raise Conflict(_("This meeting has moved on meanwhile; reload to see where it stands."))


def accept(user: User, meeting_id, now: datetime | None = None) -> Meeting:
    now = now or utcnow()
    meeting = _staff_meeting(user, meeting_id)
    if meeting.slot.ends_at <= now:
        raise Conflict(_("This meeting's time has passed."))
    _move(meeting, MeetingStatus.ACCEPTED, frm=(MeetingStatus.REQUESTED,), now=now,
          staff_id=user.id)
    funnel.record(FunnelStage.ACCEPTED, booth_id=meeting.booth_id,
                  candidate_id=meeting.candidate_id, at=now)
    notices.queue(meeting, notices.ACCEPTED)
    db.session.commit()
    outbox.deliver_soon()
    return meeting


def decline(user: User, meeting_id, reason: str, now: datetime | None = None) -> Meeting:
    meeting = _staff_meeting(user, meeting_id)
    reason = _clean(reason, "reason", required=True)
    _move(meeting, MeetingStatus.DECLINED, frm=(MeetingStatus.REQUESTED,), now=now,
          staff_id=user.id, reason=reason)
    notices.queue(meeting, notices.DECLINED)
    db.session.commit()
    outbox.deliver_soon()
    return meeting


def cancel(user: User, meeting_id, reason: str = "", now: datetime | None = None) -> Meeting:
    meeting = find(user, meeting_id)
    reason = _clean(reason, "reason")
    _move(meeting, MeetingStatus.CANCELLED, now=now, reason=reason)
    notices.queue(meeting, notices.CANCELLED, by=user)
    db.session.commit()
    outbox.deliver_soon()
    return meeting


def reschedule(user: User, meeting_id, slot_id, now: datetime | None = None) -> Meeting:
    """Moves a live meeting to another slot of the same booth. Staff moving it keep it
    accepted; a candidate moving it asks again, and staff answer the new time."""
    now = now or utcnow()
    meeting = find(user, meeting_id)
    slot_id = as_row_id(slot_id)
    slot = slots.booth_slot(meeting.booth_id, slot_id) if slot_id else None
    if slot is None:
        raise InvalidField(_("Pick another slot of this booth."), "slot_id")
    if not meeting.is_live:
        raise Conflict(_("Only a requested or accepted meeting can be moved."))
    if slot.id == meeting.slot_id:
        raise Conflict(_("The meeting is in that slot already."), "slot_id")
    slots.check_bookable(slot, now)
    expiry.lapse(slot.booth_id, now)
    if _clashes(meeting.candidate_id, slot, ignore_meeting=meeting.id):
        raise Conflict(_("The candidate has another meeting at that time."), "slot_id")
    by_staff = is_staff_of(user, meeting)
    status = meeting.status if by_staff else MeetingStatus.REQUESTED
    values = {"slot_id": slot.id, "reminded_at": None}
    if status == MeetingStatus.REQUESTED:
        values.update(expires_at=_expiry(slot, now), expiry_warned_at=None)
    try:
        _move(meeting, status, now=now, **values)
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise _slot_taken() from None
    notices.queue(meeting, notices.RESCHEDULED, by=user)
    db.session.commit()
    outbox.deliver_soon()
    return meeting


def mark(user: User, meeting_id, held: bool, now: datetime | None = None) -> Meeting:
    """One side says, once its time has come, whether the meeting took place. The
    staff's word sets the status when given; until then the candidate's does."""
    now = now or utcnow()
    meeting = find(user, meeting_id)
    if meeting.status not in (MeetingStatus.ACCEPTED, MeetingStatus.HELD,
                              MeetingStatus.NO_SHOW):
        raise Conflict(_("Only an accepted meeting can be marked held or missed."))
    if meeting.slot.starts_at > now:
        raise Conflict(_("Mark the meeting once its time has come."))
    if is_staff_of(user, meeting):
        meeting.staff_says_held = held
    else:
        meeting.candidate_says_held = held
    word = meeting.staff_says_held
    if word is None:
        word = meeting.candidate_says_held
    meeting.status = MeetingStatus.HELD if word else MeetingStatus.NO_SHOW
    meeting.updated_at = now
    funnel.record(FunnelStage.HELD if word else FunnelStage.NO_SHOW,
                  booth_id=meeting.booth_id, candidate_id=meeting.candidate_id, at=now)
    db.session.commit()
    return meeting


def staff_booths(user: User) -> list[Booth]:
    return staffing.booths_staffed_by(user)


def meetings_of(user: User, booth: Booth | None = None) -> list[Meeting]:
    """A candidate's meetings, or those of the booths a staff member staffs (or of
    ``booth``), soonest first."""
    query = (sa.select(Meeting).join(Meeting.slot)
             .options(joinedload(Meeting.candidate), joinedload(Meeting.booth)
                      .joinedload(Booth.company), joinedload(Meeting.booth).joinedload(Booth.expo))
             .order_by(MeetingSlot.starts_at, Meeting.id))
    if booth is not None:
        if not staffing.is_staff(user, booth):
            return []
        expiry.lapse(booth.id)
        query = query.where(Meeting.booth_id == booth.id)
    elif user.is_candidate:
        expiry.lapse()
        query = query.where(Meeting.candidate_id == user.id)
    else:
        expiry.lapse()
        query = query.where(Meeting.booth_id.in_([b.id for b in staff_booths(user)] or [0]))
    return list(db.session.scalars(query).unique())
