"""Employers' API tokens: made, listed, revoked, and checked on every API request.

A token is shown once, when it is made; only the SHA-256 of it is stored. Its
short public prefix finds the row without scanning, and the hash comparison runs
in constant time, so neither a database dump nor timing gives a token away.
"""

import hashlib
import hmac
import re
import secrets
from datetime import timedelta

import sqlalchemy as sa
from flask_babel import gettext as _

from careerexpo.auth.models import User
from careerexpo.core.database import utcnow
from careerexpo.extensions import db
from careerexpo.tokens.models import ApiToken, TokenScope

SCHEME = "cxp"
# What create_token makes; checked before any lookup, so junk never reaches the database.
TOKEN_SHAPE = re.compile(rf"{SCHEME}_[0-9a-f]{{12}}_[A-Za-z0-9_-]{{43}}")
MAX_ACTIVE_TOKENS = 20
# Writing the last-use time on every request would make each read a write; a minute will do.
USE_RECORDED_EVERY = timedelta(minutes=1)


class TokenError(ValueError):
    """The token cannot be made as asked; the message says why."""


class TokenNotFound(LookupError):
    """No such token among this employer's."""


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def user_tokens(employer: User) -> list[ApiToken]:
    """The employer's tokens, active ones first, newest first."""
    return list(db.session.scalars(
        sa.select(ApiToken).where(ApiToken.user_id == employer.id)
        .order_by(ApiToken.revoked_at.is_not(None), ApiToken.created_at.desc(), ApiToken.id.desc())
    ))


def create_token(employer: User, name: str, scope: TokenScope) -> tuple[ApiToken, str]:
    """Makes a token; returns it with its only plain-text copy, to show once."""
    if not employer.is_employer:
        raise TokenError(_("Only employers make API tokens."))
    active = sum(1 for t in user_tokens(employer) if t.revoked_at is None)
    if active >= MAX_ACTIVE_TOKENS:
        raise TokenError(_("You have %(n)s active tokens; revoke one first.", n=active))
    prefix = secrets.token_hex(6)
    raw = f"{SCHEME}_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken(user_id=employer.id, name=name.strip(), scope=TokenScope(scope),
                     prefix=prefix, secret_hash=_digest(raw))
    db.session.add(token)
    db.session.commit()
    return token, raw


def revoke_token(employer: User, token_id: int) -> ApiToken:
    token = db.session.scalar(sa.select(ApiToken).where(
        ApiToken.id == token_id, ApiToken.user_id == employer.id))
    if token is None:
        raise TokenNotFound(token_id)
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        db.session.commit()
    return token


def authenticate(raw: str) -> ApiToken | None:
    """The active token ``raw`` is, or ``None`` for anything else (revoked, unknown, malformed)."""
    if not TOKEN_SHAPE.fullmatch(raw):
        return None
    prefix = raw.split("_")[1]
    token = db.session.scalar(sa.select(ApiToken).where(ApiToken.prefix == prefix))
    if token is None or not hmac.compare_digest(token.secret_hash, _digest(raw)):
        return None
    return token if token.is_active else None


def record_use(token: ApiToken) -> None:
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at >= USE_RECORDED_EVERY:
        token.last_used_at = now
        db.session.commit()
