from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from careerexpo.core.database import UTCDateTime, enum_column, utcnow
from careerexpo.core.enums import LabelledEnum, _l
from careerexpo.extensions import db


class FunnelStage(LabelledEnum):
    """How far a candidate and a booth got with each other, in the order organisers read."""

    RECOMMENDED = "recommended"
    VIEWED = "viewed"
    REQUESTED = "requested"
    ACCEPTED = "accepted"
    HELD = "held"
    NO_SHOW = "no_show"
    APPLIED = "applied"

    @classmethod
    def _labels(cls):
        return {cls.RECOMMENDED: _l("Recommended"), cls.VIEWED: _l("Viewed"),
                cls.REQUESTED: _l("Meeting requested"), cls.ACCEPTED: _l("Meeting accepted"),
                cls.HELD: _l("Meeting held"), cls.NO_SHOW: _l("No-show"),
                cls.APPLIED: _l("Applied")}


class FunnelEvent(db.Model):
    """The first time one candidate reached one stage with one booth.

    One row per (booth, candidate, stage), so the funnel counts people, not clicks; the
    day is when they first got there, in UTC, and the organisers' charts group by it.
    """

    __tablename__ = "funnel_events"
    __table_args__ = (
        sa.UniqueConstraint("booth_id", "candidate_id", "stage",
                            name="uq_funnel_events_booth_candidate_stage"),
        sa.Index("ix_funnel_events_booth_stage_day", "booth_id", "stage", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booth_id: Mapped[int] = mapped_column(sa.ForeignKey("booths.id", ondelete="CASCADE"))
    # Kept when an account is deleted (statistics keep their counts), but no longer
    # linked to anyone.
    candidate_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    stage: Mapped[FunnelStage] = mapped_column(enum_column(FunnelStage))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Dismissal(db.Model):
    """A role a candidate asked never to be recommended again."""

    __tablename__ = "recommendation_dismissals"

    candidate_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    job_id: Mapped[int] = mapped_column(
        sa.ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True, index=True)
    dismissed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
