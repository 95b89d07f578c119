"""Registering on the site without telling anyone whether an address has an account.

Whatever the address, the person is told to check their email. A free address gets a
new account, unconfirmed, and a link that confirms it and signs in; an address that has
an account already gets an email saying someone tried to register with it. An
unconfirmed account cannot sign in, so registering an address and then signing in with
the chosen password tells nothing either.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage

from sqlalchemy.exc import IntegrityError

from careerexpo.auth import links, services
from careerexpo.auth.models import LinkPurpose, User
from careerexpo.core.database import utcnow
from careerexpo.core.enums import Role
from careerexpo.extensions import db
from careerexpo.mailing import outbox


@dataclass(frozen=True)
class Registration:
    user: User  # the new account, or the one that had the address already
    confirm_token: str | None  # the new account's confirmation link; None for a taken address

    @property
    def created(self) -> bool:
        return self.confirm_token is not None


def register(email: str, password: str, name: str, role: Role, confirm_for: timedelta,
             company_name: str = "", website: str = "",
             write_email: Callable[[Registration], EmailMessage] | None = None
             ) -> Registration:
    """A new unconfirmed account with its confirmation token, or the account that has
    ``email`` already (nothing is changed then). The email ``write_email`` writes for
    the outcome is queued in the same transaction.

    :raise AccountError: when the company name was taken meanwhile.
    """
    existing = services.find_user(email)
    if existing is not None:
        services.spend_a_hash(password)  # as long as making the account would take
        return _answered(Registration(existing, None), write_email)
    try:
        if role == Role.EMPLOYER:
            user, _created = services.register_employer(email, password, name, company_name,
                                                         website, confirmed=False)
        else:
            user = services.register_candidate(email, password, name, confirmed=False)
    except (services.AccountError, IntegrityError):
        db.session.rollback()
        existing = services.find_user(email)  # registered at the same moment
        if existing is None:
            raise
        return _answered(Registration(existing, None), write_email)
    token = links.issue(user, LinkPurpose.CONFIRM, confirm_for)
    return _answered(Registration(user, token), write_email)


def _answered(outcome: Registration, write_email) -> Registration:
    """Queues the outcome's email and commits it with the account, if one was made:
    both branches write and commit alike."""
    if write_email is not None:
        outbox.enqueue(write_email(outcome), outbox.ACCOUNT, outcome.user)
    db.session.commit()
    return outcome


def usable_confirmation(token: str, now: datetime | None = None):
    return links.usable(token, LinkPurpose.CONFIRM, now)


def confirm(token: str, now: datetime | None = None) -> User | None:
    """Confirms the address a link was sent to; ``None`` when the link is unknown,
    expired or used."""
    now = now or utcnow()
    link = links.redeem(token, LinkPurpose.CONFIRM, now)
    if link is None:
        return None
    user = link.user
    if user.email_confirmed_at is None:
        user.email_confirmed_at = now
    db.session.commit()
    return user
