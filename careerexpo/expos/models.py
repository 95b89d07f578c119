from datetime import date, datetime, time

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from careerexpo.core import caching
from careerexpo.core.database import UTCDateTime, utcnow
from careerexpo.extensions import db


class Expo(db.Model):
    """A career fair; its dates are calendar days in Asia/Hong_Kong."""

    __tablename__ = "expos"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    description: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    booths: Mapped[list["Booth"]] = relationship(back_populates="expo", lazy="dynamic")

    __table_args__ = (sa.CheckConstraint("starts_on <= ends_on", name="dates_in_order"),)


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
    staff: Mapped[list["BoothStaff"]] = relationship(  # noqa: F821
        back_populates="booth", cascade="all, delete-orphan")

    __table_args__ = (sa.UniqueConstraint("expo_id", "company_id", name="uq_booths_expo_company"),)


@sa.event.listens_for(Session, "after_flush")
def _booths_or_expos_changed(session: Session, _flush_context) -> None:
    # A search for an expo's roles (``expo=``) goes through its booths, a role's page
    # names the expo where its company has a booth, and the home page the expo to visit:
    # once a booth or an expo comes, goes or changes, those cached pages are stale
    # (core/caching.py).
    if any(isinstance(obj, Booth | Expo) for obj in (*session.new, *session.deleted)) or any(
            isinstance(obj, Expo) for obj in session.dirty):
        caching.mark_jobs_changed(session)
