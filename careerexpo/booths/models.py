from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careerexpo.core.database import UTCDateTime, utcnow
from careerexpo.extensions import db


class BoothStaff(db.Model):
    """An employer named to staff a booth, with the number of chats they take at once."""

    __tablename__ = "booth_staff"

    booth_id: Mapped[int] = mapped_column(
        sa.ForeignKey("booths.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)
    max_chats: Mapped[int] = mapped_column(default=3, server_default="3")

    booth = relationship("Booth", back_populates="staff")
    user = relationship("User", lazy="joined", innerjoin=True)

    __table_args__ = (sa.CheckConstraint("max_chats BETWEEN 1 AND 20", name="max_chats_range"),)


class BoothVisit(db.Model):
    """One visitor's first visit to a booth on one Hong Kong calendar day."""

    __tablename__ = "booth_visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    booth_id: Mapped[int] = mapped_column(sa.ForeignKey("booths.id", ondelete="CASCADE"))
    # "u<id>" for a signed-in user, "s<random>" for a signed-out browser.
    visitor: Mapped[str] = mapped_column(sa.String(40))
    day: Mapped[date]
    visited_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        sa.UniqueConstraint("booth_id", "visitor", "day", name="uq_booth_visits_once_a_day"),
        sa.Index("ix_booth_visits_booth_day", "booth_id", "day"),
    )


class BoothVisitCount(db.Model):
    """How many visits a booth has had: the rows of ``booth_visits`` for it, counted.

    Kept by database triggers on ``booth_visits`` (migration 0005), whatever writes
    the visits, so the organisers' live activity reads one row per booth instead of
    counting a million visits on every refresh.
    """

    __tablename__ = "booth_visit_counts"

    booth_id: Mapped[int] = mapped_column(
        sa.ForeignKey("booths.id", ondelete="CASCADE"), primary_key=True)
    visits: Mapped[int] = mapped_column(default=0, server_default="0")
