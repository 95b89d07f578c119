"""Password reset: a single-use link by email that expires, then a new password that
ends every sign-in.

Asking never says whether the address has an account: the page answers the same, and
only the address's owner, if there is one, receives anything.
"""

from collections.abc import Callable
from datetime import datetime, timedelta
from email.message import EmailMessage

from careerexpo.auth import links, services, sign_ins
from careerexpo.auth.models import AccountLink, LinkPurpose, User
from careerexpo.core.database import utcnow
from careerexpo.extensions import db
from careerexpo.mailing import outbox


def start_reset(email: str, lifetime: timedelta, now: datetime | None = None,
                write_email: Callable[[User, str], EmailMessage] | None = None
                ) -> tuple[User, str] | None:
    """A new reset link's token for the account using ``email`` (``None`` when there is
    no such active account); the email ``write_email`` writes for the account and the
    token is queued in the same transaction as the link."""
    user = services.find_user(email)
    if user is None or not user.is_active:
        return None
    token = links.issue(user, LinkPurpose.RESET, lifetime, now)
    if write_email is not None:
        outbox.enqueue(write_email(user, token), outbox.ACCOUNT, user)
    db.session.commit()
    return user, token


def usable_reset(token: str, now: datetime | None = None) -> AccountLink | None:
    return links.usable(token, LinkPurpose.RESET, now)


def finish_reset(token: str, new_password: str, now: datetime | None = None) -> User | None:
    """Sets the new password if the link still works, using it up (and every other reset
    link sent to the account), then ends every sign-in of the account. The link came to
    the address, so the address counts as confirmed. ``None`` when the link is unknown,
    expired or used."""
    now = now or utcnow()
    link = links.redeem(token, LinkPurpose.RESET, now)
    if link is None:
        return None
    user = link.user
    user.set_password(new_password)
    if user.email_confirmed_at is None:
        user.email_confirmed_at = now
    db.session.commit()
    sign_ins.end_all(user)
    return user
