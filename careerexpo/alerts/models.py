from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careerexpo.core.database import UTCDateTime, enum_column, utcnow
from careerexpo.core.enums import LabelledEnum
from careerexpo.extensions import db


class AlertFrequency(LabelledEnum):
    INSTANT = "instant"
    DAILY = "daily"

    @classmethod
    def _labels(cls):
        return {cls.INSTANT: _l("As soon as they are posted"), cls.DAILY: _l("Daily digest")}


class DeliveryStatus(StrEnum):
    CLAIMED = "claimed"  # chosen for an email that may or may not have gone out
    SENT = "sent"  # the mail server accepted the email


class JobAlert(db.Model):
    """A candidate's saved search, emailed when new roles match it.

    ``query`` is the search's canonical query string (``level=entry&q=data``), read
    back with ``JobQuery.from_args`` exactly as ``/jobs`` reads it.
    """

    __tablename__ = "job_alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"),
                                         index=True)
    query: Mapped[str] = mapped_column(sa.String(2000))
    frequency: Mapped[AlertFrequency] = mapped_column(enum_column(AlertFrequency))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user = relationship("User", lazy="joined", innerjoin=True)

    __table_args__ = (
        sa.UniqueConstraint("user_id", "query", name="uq_job_alerts_user_query"),
    )

    def __repr__(self) -> str:
        return f"<JobAlert {self.id} {self.frequency} {self.query!r}>"


class AlertDelivery(db.Model):
    """One role announced (or about to be) to one alert: never twice, by the primary key."""

    __tablename__ = "alert_deliveries"

    alert_id: Mapped[int] = mapped_column(
        sa.ForeignKey("job_alerts.id", ondelete="CASCADE"), primary_key=True)
    job_id: Mapped[int] = mapped_column(
        sa.ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True, index=True)
    status: Mapped[DeliveryStatus] = mapped_column(enum_column(DeliveryStatus))
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
