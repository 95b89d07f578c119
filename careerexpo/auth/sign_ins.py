"""Sign-ins kept on the server: starting one, finding the live one a cookie names,
seeing it used, and ending one or all of a person's.

Keys and tokens are random (``secrets``), handed to the browser once and kept only as
their SHA-256, like API tokens.
"""

import hashlib
import re
import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa

from careerexpo.auth.models import SignIn, User
from careerexpo.auth.signals import sign_ins_ended
from careerexpo.core.database import utcnow
from careerexpo.extensions import db

# How often a sign-in's "last seen" is written: not on every request.
SEEN_EVERY = timedelta(minutes=5)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def start(user: User, device: str, ip_address: str, session_lifetime: timedelta,
          remember_for: timedelta | None = None, now: datetime | None = None
          ) -> tuple[SignIn, str, str | None]:
    """A new sign-in of ``user``; returns it with its session key and, when it is to be
    remembered for ``remember_for``, its remember-me token (both shown only now)."""
    now = now or utcnow()
    _forget_dead(user, now)
    session_key = secrets.token_urlsafe(32)
    remember_token = secrets.token_urlsafe(32) if remember_for else None
    sign_in = SignIn(
        user=user, session_hash=digest(session_key),
        remember_hash=digest(remember_token) if remember_token else None,
        created_at=now, last_seen_at=now,
        expires_at=now + (remember_for or session_lifetime),
        device=device[:120], ip_address=(ip_address or "")[:45])
    db.session.add(sign_in)
    db.session.commit()
    return sign_in, session_key, remember_token


def _forget_dead(user: User, now: datetime) -> None:
    """Drops the user's ended and expired sign-ins, so the table holds live ones only."""
    db.session.execute(sa.delete(SignIn).where(
        SignIn.user_id == user.id, sa.or_(SignIn.revoked_at.is_not(None),
                                          SignIn.expires_at <= now)))


def live_by_session_key(session_key: str | None, user_id: int,
                        now: datetime | None = None) -> SignIn | None:
    """The live sign-in of ``user_id`` that a session cookie's key names, if any."""
    if not session_key:
        return None
    sign_in = db.session.scalar(sa.select(SignIn).where(
        SignIn.session_hash == digest(session_key)))
    if sign_in is None or sign_in.user_id != user_id or not sign_in.is_live(now or utcnow()):
        return None
    return sign_in


def resume(remember_token: str | None, now: datetime | None = None
           ) -> tuple[SignIn, str] | None:
    """The live sign-in a remember-me token names, with a new session key for it (the
    browser's session cookie had gone); ``None`` for an unknown, ended or expired token."""
    if not remember_token:
        return None
    now = now or utcnow()
    sign_in = db.session.scalar(sa.select(SignIn).where(
        SignIn.remember_hash == digest(remember_token)))
    if sign_in is None or not sign_in.is_live(now) or not sign_in.user.is_active:
        return None
    session_key = secrets.token_urlsafe(32)
    sign_in.session_hash = digest(session_key)
    sign_in.last_seen_at = now
    db.session.commit()
    return sign_in, session_key


def seen(sign_in: SignIn, session_lifetime: timedelta, now: datetime | None = None) -> None:
    """Notes that the sign-in was used, at most every few minutes; an unremembered one
    then lasts ``session_lifetime`` from now. Commits only when nothing else is pending,
    so a request's own unfinished work is never committed here."""
    now = now or utcnow()
    if now - sign_in.last_seen_at < SEEN_EVERY:
        return
    session = db.session
    if session.new or session.dirty or session.deleted:
        return
    sign_in.last_seen_at = now
    if not sign_in.remembered:
        sign_in.expires_at = now + session_lifetime
    session.commit()


def live_sign_ins(user: User, now: datetime | None = None) -> list[SignIn]:
    """The user's live sign-ins, the most recently used first."""
    now = now or utcnow()
    return list(db.session.scalars(sa.select(SignIn).where(
        SignIn.user_id == user.id, SignIn.revoked_at.is_(None), SignIn.expires_at > now,
    ).order_by(SignIn.last_seen_at.desc(), SignIn.id.desc())))


def end(sign_ins: list[SignIn], now: datetime | None = None) -> None:
    """Ends sign-ins: their session cookies and remember-me tokens open nothing any more,
    and whatever listens (the chat) closes what was opened under them."""
    now = now or utcnow()
    ended = [s for s in sign_ins if s.revoked_at is None]
    for sign_in in ended:
        sign_in.revoked_at = now
    db.session.commit()
    if ended:
        sign_ins_ended.send(None, login_ids=[str(s.id) for s in ended])


def end_one(user: User, sign_in_id: int) -> bool:
    """Ends one of the user's own sign-ins; ``False`` when they have no such live one."""
    found = [s for s in live_sign_ins(user) if s.id == sign_in_id]
    end(found)
    return bool(found)


def end_all(user: User, keep: SignIn | None = None) -> int:
    """Ends every sign-in of the user but ``keep``; returns how many ended."""
    ended = [s for s in live_sign_ins(user) if keep is None or s.id != keep.id]
    end(ended)
    return len(ended)


_BROWSERS = (("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"),
             ("Chrome/", "Chrome"), ("CriOS/", "Chrome"), ("Safari/", "Safari"))
_SYSTEMS = (("Android", "Android"), (r"iPhone|iPad", "iOS"), ("Windows", "Windows"),
            ("Mac OS X|Macintosh", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux"))


def device_summary(user_agent: str | None) -> str:
    """"Chrome, Windows" from a User-Agent header: enough to tell one's devices apart."""
    agent = user_agent or ""
    browser = next((name for mark, name in _BROWSERS if mark in agent), "")
    system = next((name for pattern, name in _SYSTEMS if re.search(pattern, agent)), "")
    return ", ".join(part for part in (browser, system) if part) or agent[:60]
