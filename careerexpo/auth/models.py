from datetime import datetime

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from careerexpo.core.database import UTCDateTime, enum_column, utcnow
from careerexpo.core.enums import Role
from careerexpo.extensions import db


class User(UserMixin, db.Model):
    """A person who signs in: a candidate, an employer of one company, or an organiser."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("companies.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # When the person deleted their account: the row stays, anonymised (privacy/erasure.py).
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    company = relationship("Company", back_populates="employers")

    __table_args__ = (
        sa.CheckConstraint(
            "(role = 'employer') = (company_id IS NOT NULL)", name="employer_has_company"
        ),
    )

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(
            password, method=current_app.config["PASSWORD_HASH_METHOD"])

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_candidate(self) -> bool:
        return self.role == Role.CANDIDATE

    @property
    def is_employer(self) -> bool:
        return self.role == Role.EMPLOYER

    @property
    def is_organiser(self) -> bool:
        return self.role == Role.ORGANISER

    @property
    def shown_name(self) -> str:
        """The name to show others: a deleted account is an anonymous person."""
        if self.deleted_at is None:
            return self.name
        return _("Deleted applicant") if self.role == Role.CANDIDATE else _("Deleted user")

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email} {self.role}>"
