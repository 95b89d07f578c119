"""Links emailed to a person (finish registering, set a new password): a random token
in the link, only its SHA-256 kept; each works once, until it expires."""

import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa

from careerexpo.auth.models import AccountLink, LinkPurpose, User
from careerexpo.auth.sign_ins import digest
from careerexpo.core.database import utcnow
from careerexpo.extensions import db


def issue(user: User, purpose: LinkPurpose, lifetime: timedelta,
          now: datetime | None = None) -> str:
    """A new link's token (without committing); shown only now."""
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    db.session.add(AccountLink(user=user, purpose=purpose, token_hash=digest(token),
                               created_at=now, expires_at=now + lifetime))
    return token


def usable(token: str, purpose: LinkPurpose, now: datetime | None = None
           ) -> AccountLink | None:
    """The link a token names, while it is unused, unexpired and its account active."""
    link = db.session.scalar(sa.select(AccountLink).where(
        AccountLink.token_hash == digest(token or ""), AccountLink.purpose == purpose))
    if (link is None or link.used_at is not None or link.expires_at <= (now or utcnow())
            or not link.user.is_active):
        return None
    return link


def use(link: AccountLink, now: datetime) -> bool:
    """Uses the link up, with every other unused link of its kind sent to the account;
    ``False`` when it was used already, even by a request at the same moment (a
    conditional write: of two requests racing with one link, one wins). Not committed."""
    claimed = db.session.execute(sa.update(AccountLink).where(
        AccountLink.id == link.id, AccountLink.used_at.is_(None),
    ).values(used_at=now)).rowcount
    if claimed != 1:
        return False
    db.session.execute(sa.update(AccountLink).where(
        AccountLink.user_id == link.user_id, AccountLink.purpose == link.purpose,
        AccountLink.used_at.is_(None),
    ).values(used_at=now))
    return True


def redeem(token: str, purpose: LinkPurpose, now: datetime) -> AccountLink | None:
    """The link a token names, used up now; ``None`` (and nothing written) when it is
    unknown, expired, already used, or lost a race for it. Not committed."""
    link = usable(token, purpose, now)
    if link is None or not use(link, now):
        db.session.rollback()
        return None
    return link
