"""Password reset: a single-use link by email that expires, then a new password that
ends every sign-in.

Asking never says whether the address has an account: the page answers the same, and
only the address's owner, if there is one, receives anything.
"""

import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa

from careerexpo.auth import services, sign_ins
from careerexpo.auth.models import PasswordReset, User
from careerexpo.core.database import utcnow
from careerexpo.extensions import db


def start_reset(email: str, lifetime: timedelta, now: datetime | None = None
                ) -> tuple[User, str] | None:
    """A new reset link's token for the account using ``email`` (``None`` when there is
    no such active account); only its SHA-256 is kept."""
    user = services.find_user(email)
    if user is None or not user.is_active:
        return None
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    db.session.add(PasswordReset(user=user, token_hash=sign_ins.digest(token),
                                 created_at=now, expires_at=now + lifetime))
    db.session.commit()
    return user, token


def usable_reset(token: str, now: datetime | None = None) -> PasswordReset | None:
    """The reset a link's token names, while it is unused, unexpired and its account
    active."""
    reset = db.session.scalar(sa.select(PasswordReset).where(
        PasswordReset.token_hash == sign_ins.digest(token or "")))
    if (reset is None or reset.used_at is not None or reset.expires_at <= (now or utcnow())
            or not reset.user.is_active):
        return None
    return reset


def finish_reset(token: str, new_password: str, now: datetime | None = None) -> User | None:
    """Sets the new password if the link still works, using it up (and every other link
    sent to the account), then ends every sign-in of the account. ``None`` when the link
    is unknown, expired or used, even by a request at the same moment."""
    now = now or utcnow()
    reset = usable_reset(token, now)
    if reset is None:
        return None
    # Used up by a conditional write: of two requests racing with one link, one wins.
    claimed = db.session.execute(sa.update(PasswordReset).where(
        PasswordReset.id == reset.id, PasswordReset.used_at.is_(None),
    ).values(used_at=now)).rowcount
    if claimed != 1:
        db.session.rollback()
        return None
    user = reset.user
    db.session.execute(sa.update(PasswordReset).where(
        PasswordReset.user_id == user.id, PasswordReset.used_at.is_(None),
    ).values(used_at=now))
    user.set_password(new_password)
    db.session.commit()
    sign_ins.end_all(user)
    return user
