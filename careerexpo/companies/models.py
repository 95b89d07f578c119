from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careerexpo.core.database import UTCDateTime, enum_column, utcnow
from careerexpo.core.enums import Programme, Region
from careerexpo.extensions import db


class Company(db.Model):
    """An employer organisation; its people are the users with role ``employer``."""

    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    website: Mapped[str] = mapped_column(sa.String(500), default="")
    description: Mapped[str] = mapped_column(sa.Text, default="")
    programme: Mapped[Programme | None] = mapped_column(enum_column(Programme), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    # Loaded when asked for (selectinload where many companies' are): a job or search
    # page shows a company without its offices, and should not query for them.
    offices: Mapped[list["CompanyOffice"]] = relationship(
        back_populates="company", cascade="all, delete-orphan"
    )
    employers = relationship("User", back_populates="company")
    jobs = relationship("Job", back_populates="company", lazy="dynamic")

    @property
    def office_regions(self) -> list[Region]:
        return sorted((o.region for o in self.offices), key=list(Region).index)

    def set_offices(self, regions) -> None:
        wanted = set(regions)
        self.offices = [o for o in self.offices if o.region in wanted] + [
            CompanyOffice(region=r) for r in wanted - {o.region for o in self.offices}
        ]

    def __repr__(self) -> str:
        return f"<Company {self.id} {self.name}>"


class CompanyOffice(db.Model):
    """One region where a company has an office (a set, kept as rows for GROUP BY)."""

    __tablename__ = "company_offices"

    company_id: Mapped[int] = mapped_column(
        sa.ForeignKey("companies.id", ondelete="CASCADE"), primary_key=True
    )
    region: Mapped[Region] = mapped_column(enum_column(Region), primary_key=True)

    company: Mapped[Company] = relationship(back_populates="offices")
