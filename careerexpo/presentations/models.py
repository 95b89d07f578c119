from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careerexpo.core.database import UTCDateTime, utcnow
from careerexpo.extensions import db


class Presentation(db.Model):
    """A talk a booth holds at a set time, streamed live and maybe recorded."""

    __tablename__ = "presentations"

    id: Mapped[int] = mapped_column(primary_key=True)
    booth_id: Mapped[int] = mapped_column(sa.ForeignKey("booths.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(sa.String(200))
    abstract: Mapped[str] = mapped_column(sa.Text, default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    duration_minutes: Mapped[int]
    stream_url: Mapped[str] = mapped_column(sa.String(500), default="")
    recording_url: Mapped[str] = mapped_column(sa.String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    booth = relationship("Booth")

    __table_args__ = (
        sa.CheckConstraint("duration_minutes BETWEEN 5 AND 480", name="duration_range"),
        sa.Index("ix_presentations_booth_starts", "booth_id", "starts_at"),
    )

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    def is_live(self, now: datetime | None = None) -> bool:
        now = now or utcnow()
        return self.starts_at <= now < self.ends_at

    def is_over(self, now: datetime | None = None) -> bool:
        return (now or utcnow()) >= self.ends_at


class PresentationRegistration(db.Model):
    """A candidate's seat at a presentation."""

    __tablename__ = "presentation_registrations"

    presentation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("presentations.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
