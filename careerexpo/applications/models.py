from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careerexpo.core.database import UTCDateTime, enum_column, utcnow
from careerexpo.core.enums import ApplicationStatus
from careerexpo.extensions import db


class Application(db.Model):
    """One candidate's application to one job, and where it stands."""

    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(sa.ForeignKey("jobs.id"))
    candidate_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    cv_id: Mapped[int | None] = mapped_column(sa.ForeignKey("cv_documents.id"))
    cover_note: Mapped[str] = mapped_column(sa.Text, default="")
    status: Mapped[ApplicationStatus] = mapped_column(
        enum_column(ApplicationStatus), default=ApplicationStatus.SUBMITTED
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    job = relationship("Job", lazy="joined", innerjoin=True)
    candidate = relationship("User", lazy="joined", innerjoin=True)
    cv = relationship("CVDocument")
    events: Mapped[list["ApplicationEvent"]] = relationship(
        back_populates="application", order_by="ApplicationEvent.id", cascade="all, delete-orphan"
    )
    notes: Mapped[list["ApplicationNote"]] = relationship(
        back_populates="application", order_by="ApplicationNote.id", cascade="all, delete-orphan"
    )

    __table_args__ = (
        sa.UniqueConstraint("job_id", "candidate_id", name="uq_applications_job_candidate"),
        sa.Index("ix_applications_job_status", "job_id", "status"),
    )


class ApplicationEvent(db.Model):
    """A step in an application's history: each status it was moved to, by whom, when."""

    __tablename__ = "application_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        sa.ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[ApplicationStatus] = mapped_column(enum_column(ApplicationStatus))
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    application: Mapped[Application] = relationship(back_populates="events")
    actor = relationship("User")


class ApplicationNote(db.Model):
    """A private note employers keep on an applicant; candidates never see it."""

    __tablename__ = "application_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        sa.ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    application: Mapped[Application] = relationship(back_populates="notes")
    author = relationship("User")


class SavedJob(db.Model):
    """A job a candidate keeps for later."""

    __tablename__ = "saved_jobs"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    job_id: Mapped[int] = mapped_column(
        sa.ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    job = relationship("Job", lazy="joined", innerjoin=True)
