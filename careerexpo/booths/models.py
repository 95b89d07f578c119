from datetime import date, datetime, time

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from careerexpo.core import caching
from careerexpo.core.database import UTCDateTime, utcnow
from careerexpo.expos.models import Expo
from careerexpo.extensions import db


class Booth(db.Model):
    """A company's place at an expo: how a company takes part in it."""

    __tablename__ = "booths"

    id: Mapped[int] = mapped_column(primary_key=True)
    expo_id: Mapped[int] = mapped_column(sa.ForeignKey("expos.id", ondelete="CASCADE"))
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("companies.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    tagline: Mapped[str] = mapped_column(sa.String(200), default="", server_default="")
    story: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    video_url: Mapped[str] = mapped_column(sa.String(500), default="", server_default="")
    # Uploaded images, stored under UPLOAD_FOLDER by these generated names.
    logo_name: Mapped[str | None] = mapped_column(sa.String(64))
    banner_name: Mapped[str | None] = mapped_column(sa.String(64))
    # Daily chat hours, Hong Kong time; none means staff chat whenever they are online.
    chat_opens: Mapped[time | None]
    chat_closes: Mapped[time | None]

    expo: Mapped[Expo] = relationship(back_populates="booths")
    company = relationship("Company")
    # Loaded when asked for: a candidate's chat message needs the booth, not its staff.
    staff: Mapped[list["BoothStaff"]] = relationship(
        back_populates="booth", cascade="all, delete-orphan")

    __table_args__ = (sa.UniqueConstraint("expo_id", "company_id", name="uq_booths_expo_company"),)


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


@sa.event.listens_for(Session, "after_flush")
def _booths_or_expos_changed(session: Session, _flush_context) -> None:
    # A search for an expo's roles (``expo=``) goes through its booths, a role's page
    # names the expo where its company has a booth, and the home page the expo to visit:
    # once a booth or an expo comes, goes or changes, those cached pages are stale
    # (core/caching.py).
    if any(isinstance(obj, Booth | Expo) for obj in (*session.new, *session.deleted)) or any(
            isinstance(obj, Expo) for obj in session.dirty):
        caching.mark_jobs_changed(session)
