import enum
from datetime import datetime
from functools import partial

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from careerexpo.core.database import UTCDateTime, enum_column, utcnow
from careerexpo.core.enums import Role
from careerexpo.core.parallel import off_loop
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
    # When the person showed the address is theirs (a link emailed to it). Registering on
    # the site leaves it empty, and the account cannot sign in, until then; accounts an
    # operator or a colleague makes start confirmed.
    email_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=utcnow)
    # When the person deleted their account: the row stays, anonymised (privacy/erasure.py).
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    company = relationship("Company", back_populates="employers")

    __table_args__ = (
        sa.CheckConstraint(
            "(role = 'employer') = (company_id IS NOT NULL)", name="employer_has_company"
        ),
    )

    def set_password(self, password: str) -> None:
        method = current_app.config["PASSWORD_HASH_METHOD"]
        self.password_hash = off_loop(partial(generate_password_hash, password, method=method))

    def check_password(self, password: str) -> bool:
        return off_loop(partial(check_password_hash, self.password_hash, password))

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


class SignIn(db.Model):
    """One sign-in of a user on one device: the session cookie names it by a random key,
    and only while it is live does that cookie sign anyone in.

    Only SHA-256 digests of the session key and of the remember-me token are kept, so
    the table alone opens no session.
    """

    __tablename__ = "sign_ins"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"),
                                         index=True)
    session_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    remember_hash: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Kept on the server: a remembered sign-in lasts REMEMBER_DAYS from its start; any
    # other ends once unused for PERMANENT_SESSION_LIFETIME.
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    device: Mapped[str] = mapped_column(sa.String(120), default="")
    ip_address: Mapped[str] = mapped_column(sa.String(45), default="")

    user = relationship("User")

    @property
    def remembered(self) -> bool:
        return self.remember_hash is not None

    def is_live(self, now: datetime) -> bool:
        return self.revoked_at is None and self.expires_at > now

    def __repr__(self) -> str:
        return f"<SignIn {self.id} of user {self.user_id}>"


class LinkPurpose(enum.StrEnum):
    CONFIRM = "confirm"  # finish registering: the address is the person's
    RESET = "reset"  # set a new password


class AccountLink(db.Model):
    """A link emailed to a person (finish registering, set a new password): single use,
    short-lived; only the SHA-256 of its token is kept."""

    __tablename__ = "account_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"),
                                         index=True)
    purpose: Mapped[LinkPurpose] = mapped_column(enum_column(LinkPurpose))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user = relationship("User")
