from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careerexpo.core.database import UTCDateTime, enum_column, utcnow
from careerexpo.core.enums import LabelledEnum, _l
from careerexpo.extensions import db

MIN_MINUTES, MAX_MINUTES = 10, 60


class MeetingStatus(LabelledEnum):
    """Where a meeting stands (DOMAIN.md, "Matchmaking")."""

    REQUESTED = "requested"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    HELD = "held"
    NO_SHOW = "no_show"

    @classmethod
    def _labels(cls):
        return {cls.REQUESTED: _l("Requested"), cls.ACCEPTED: _l("Accepted"),
                cls.DECLINED: _l("Declined"), cls.CANCELLED: _l("Cancelled"),
                cls.EXPIRED: _l("Expired"), cls.HELD: _l("Held"),
                cls.NO_SHOW: _l("No-show")}


# A slot is held by a meeting in one of these; the others have let it go.
LIVE = (MeetingStatus.REQUESTED, MeetingStatus.ACCEPTED)
# Calendars drop a meeting that ended like this (METHOD:CANCEL).
ENDED = (MeetingStatus.DECLINED, MeetingStatus.CANCELLED, MeetingStatus.EXPIRED)
OUTCOMES = (MeetingStatus.HELD, MeetingStatus.NO_SHOW)
_LIVE_SQL = "status IN ('requested', 'accepted')"


class MeetingSlot(db.Model):
    """A stretch of time a booth's staff offer for one meeting."""

    __tablename__ = "meeting_slots"

    id: Mapped[int] = mapped_column(primary_key=True)
    booth_id: Mapped[int] = mapped_column(sa.ForeignKey("booths.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    duration_minutes: Mapped[int]
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    booth = relationship("Booth")

    __table_args__ = (
        sa.CheckConstraint(f"duration_minutes BETWEEN {MIN_MINUTES} AND {MAX_MINUTES}",
                           name="duration_range"),
        sa.Index("ix_meeting_slots_booth_starts", "booth_id", "starts_at"),
    )

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)


class Meeting(db.Model):
    """A candidate's request for one slot, and everything that became of it.

    One row for the meeting's whole life, rescheduling included, so its calendar UID
    never changes; ``sequence`` rises with every change the calendars must take in.
    """

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    slot_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting_slots.id", ondelete="CASCADE"))
    # The slot's booth, kept here so "this booth's meetings" needs no join.
    booth_id: Mapped[int] = mapped_column(sa.ForeignKey("booths.id", ondelete="CASCADE"),
                                          index=True)
    candidate_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    status: Mapped[MeetingStatus] = mapped_column(enum_column(MeetingStatus),
                                                  default=MeetingStatus.REQUESTED)
    note: Mapped[str] = mapped_column(sa.String(500), default="")
    # Why staff declined, or why either side cancelled.
    reason: Mapped[str] = mapped_column(sa.String(500), default="", server_default="")
    share_profile: Mapped[bool] = mapped_column(default=False)
    sequence: Mapped[int] = mapped_column(default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # An unanswered request lapses then (MEETING_REQUEST_HOURS, or the slot's start).
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expiry_warned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The staff member who accepted (or declined): the one who meets the candidate.
    staff_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    # Afterwards each side says whether it took place: True held, False a no-show.
    staff_says_held: Mapped[bool | None]
    candidate_says_held: Mapped[bool | None]
    conversation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("conversations.id", ondelete="SET NULL"))

    slot: Mapped[MeetingSlot] = relationship(lazy="joined", innerjoin=True)
    booth = relationship("Booth")
    candidate = relationship("User", foreign_keys=[candidate_id])
    staff = relationship("User", foreign_keys=[staff_id])

    __table_args__ = (
        # The rule no amount of concurrency may break: one live meeting per slot.
        sa.Index("uq_meetings_live_slot", "slot_id", unique=True,
                 sqlite_where=sa.text(_LIVE_SQL), postgresql_where=sa.text(_LIVE_SQL)),
        sa.Index("ix_meetings_status_expires", "status", "expires_at"),
    )

    @property
    def is_live(self) -> bool:
        return self.status in LIVE

    @property
    def has_ended(self) -> bool:
        return self.status in ENDED
