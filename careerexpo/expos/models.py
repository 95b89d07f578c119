from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

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
    # Booked meetings may start before the fair and run on after it; empty means from
    # its first day to a week after its last (Click2Match's way).
    matchmaking_starts_on: Mapped[date | None]
    matchmaking_ends_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    booths: Mapped[list["Booth"]] = relationship(  # noqa: F821
        back_populates="expo", lazy="dynamic")

    __table_args__ = (sa.CheckConstraint("starts_on <= ends_on", name="dates_in_order"),)

    @property
    def meetings_from(self) -> date:
        """The first Hong Kong day meetings may be booked for."""
        return self.matchmaking_starts_on or self.starts_on

    @property
    def meetings_until(self) -> date:
        """The last Hong Kong day meetings may be booked for."""
        return self.matchmaking_ends_on or self.ends_on + MATCHMAKING_AFTER


MATCHMAKING_AFTER = timedelta(days=7)
