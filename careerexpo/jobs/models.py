from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careerexpo.core.database import UTCDateTime, enum_column, utcnow
from careerexpo.core.enums import (
    Area,
    Degree,
    EmploymentType,
    Function,
    JobState,
    Level,
    Region,
)
from careerexpo.extensions import db


class Job(db.Model):
    """A role a company offers. Only ``open`` roles before their closing time are listed."""

    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("companies.id"))
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text)
    level: Mapped[Level] = mapped_column(enum_column(Level))
    degree: Mapped[Degree] = mapped_column(enum_column(Degree))
    region: Mapped[Region] = mapped_column(enum_column(Region))
    area: Mapped[Area] = mapped_column(enum_column(Area))
    function: Mapped[Function] = mapped_column(enum_column(Function))
    employment_type: Mapped[EmploymentType] = mapped_column(enum_column(EmploymentType))
    # Where the role is based within its region: an ISO 3166-1 alpha-2 country (HK for
    # hong_kong, CN for gba; an overseas role may not know it yet) and, if known, a city.
    city: Mapped[str | None] = mapped_column(sa.String(100))
    country: Mapped[str | None] = mapped_column(sa.String(2))
    open_to_overseas: Mapped[bool] = mapped_column(default=False)
    salary_min: Mapped[int | None]
    salary_max: Mapped[int | None]
    state: Mapped[JobState] = mapped_column(enum_column(JobState), default=JobState.DRAFT)
    posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    company = relationship("Company", back_populates="jobs", lazy="joined", innerjoin=True)

    __table_args__ = (
        sa.CheckConstraint(
            "salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max",
            name="salary_range",
        ),
        sa.CheckConstraint("salary_min IS NULL OR salary_min >= 0", name="salary_min_positive"),
        # The listing filters by state and sorts by posting time.
        sa.Index("ix_jobs_state_posted", "state", "posted_at"),
        sa.Index("ix_jobs_company_state", "company_id", "state"),
        # Covers every column the expo figures count (stats/services.py).
        sa.Index("ix_jobs_expo_figures", "company_id", "state", "level", "degree", "region",
                 "area", "function", "open_to_overseas"),
        sa.Index("ix_jobs_state_salary", "state", "salary_max"),
        # Covers what a search without text filters and counts on (jobs/search.py).
        sa.Index("ix_jobs_listed_facets", "state", "level", "region", "degree", "area",
                 "function", "employment_type", "open_to_overseas", "closes_at"),
        sa.Index("ix_jobs_level", "level"),
        sa.Index("ix_jobs_degree", "degree"),
        sa.Index("ix_jobs_region", "region"),
        sa.Index("ix_jobs_area", "area"),
        sa.Index("ix_jobs_function", "function"),
        sa.Index("ix_jobs_employment_type", "employment_type"),
    )

    def is_listed(self, now: datetime | None = None) -> bool:
        """Open and not past its closing time: searchable and accepting applications."""
        now = now or utcnow()
        return self.state == JobState.OPEN and (self.closes_at is None or self.closes_at > now)

    def __repr__(self) -> str:
        return f"<Job {self.id} {self.title!r}>"
