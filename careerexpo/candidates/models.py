from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careerexpo.core.database import UTCDateTime, enum_column, utcnow
from careerexpo.core.enums import Degree
from careerexpo.extensions import db


class CandidateProfile(db.Model):
    """What a candidate tells employers about themselves."""

    __tablename__ = "candidate_profiles"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    headline: Mapped[str] = mapped_column(sa.String(200), default="")
    skills: Mapped[str] = mapped_column(sa.Text, default="")
    highest_degree: Mapped[Degree | None] = mapped_column(enum_column(Degree))
    # A ';'-separated list of region keys, as in the importer's CSV.
    preferred_regions: Mapped[str] = mapped_column(sa.String(100), default="")
    # What they are looking for, ';'-separated keys like the regions; matchmaking ranks
    # roles by them and says so ("Entry level, as you asked").
    wanted_levels: Mapped[str] = mapped_column(sa.String(100), default="", server_default="")
    wanted_areas: Mapped[str] = mapped_column(sa.String(300), default="", server_default="")
    wanted_functions: Mapped[str] = mapped_column(sa.String(100), default="",
                                                  server_default="")
    cv_id: Mapped[int | None] = mapped_column(sa.ForeignKey("cv_documents.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    user = relationship("User")
    cv: Mapped["CVDocument | None"] = relationship(foreign_keys=[cv_id])

    @property
    def region_list(self) -> list[str]:
        return _keys(self.preferred_regions)

    @property
    def level_list(self) -> list[str]:
        return _keys(self.wanted_levels)

    @property
    def area_list(self) -> list[str]:
        return _keys(self.wanted_areas)

    @property
    def function_list(self) -> list[str]:
        return _keys(self.wanted_functions)


def _keys(text: str | None) -> list[str]:
    return [key for key in (text or "").split(";") if key]


class CVDocument(db.Model):
    """An uploaded PDF CV. The file lives outside ``static/``, named by ``stored_name``."""

    __tablename__ = "cv_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(sa.String(255))
    stored_name: Mapped[str] = mapped_column(sa.String(64), unique=True)
    size: Mapped[int]
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    owner = relationship("User")
