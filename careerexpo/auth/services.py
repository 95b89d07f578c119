"""Accounts: registering, signing in, changing a password, adding colleagues, creating
users from the CLI."""

import sqlalchemy as sa

from careerexpo.auth import sign_ins
from careerexpo.auth.models import SignIn, User
from careerexpo.companies.models import Company
from careerexpo.core.enums import Role
from careerexpo.extensions import db


class AccountError(ValueError):
    """An account cannot be made as asked; the message says why."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def email_taken(email: str) -> bool:
    return db.session.scalar(
        sa.select(sa.func.count()).where(User.email == normalise_email(email))
    ) > 0


def company_name_taken(name: str) -> bool:
    return find_company(name) is not None


def find_company(name: str) -> Company | None:
    return db.session.scalar(
        sa.select(Company).where(sa.func.lower(Company.name) == name.strip().lower())
    )


def find_user(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == normalise_email(email)))


def authenticate(email: str, password: str) -> User | None:
    user = find_user(email)
    if user is None:
        spend_a_hash(password)
        return None
    # An account whose address was never confirmed is refused like a wrong password:
    # otherwise registering an address, then signing in, would tell whether it was free.
    if not user.check_password(password) or not user.active or user.email_confirmed_at is None:
        return None
    return user


def spend_a_hash(password: str) -> None:
    """Hashes for nothing, so that a missing account takes as long to answer as one
    that is there."""
    User(password_hash="").set_password(password)


def create_user(email: str, password: str, role: Role, name: str = "",
                company: Company | None = None, confirmed: bool = True) -> User:
    """Adds a user (without committing); raises ``AccountError`` when it cannot be.
    ``confirmed=False``: the address must be confirmed (``registration.py``) before the
    account can sign in."""
    email = normalise_email(email)
    if email_taken(email):
        raise AccountError(f"a user with email {email} exists")
    if (role == Role.EMPLOYER) != (company is not None):
        raise AccountError("an employer belongs to exactly one company; others to none")
    user = User(email=email, name=name.strip() or email.split("@")[0], role=role, company=company)
    if not confirmed:
        # SQL NULL: a plain None would let the column's default (confirmed now) fill it in.
        user.email_confirmed_at = sa.null()
    user.set_password(password)
    db.session.add(user)
    return user


def register_candidate(email: str, password: str, name: str, confirmed: bool = True) -> User:
    user = create_user(email, password, Role.CANDIDATE, name, confirmed=confirmed)
    db.session.commit()
    return user


def register_employer(email: str, password: str, name: str, company_name: str,
                      website: str = "", join_existing: bool = False,
                      confirmed: bool = True) -> tuple[User, bool]:
    """An employer together with their company; returns the user and whether the company
    is new. A company of that name is joined only with ``join_existing`` (the operators'
    CLI); people registering on the site must be added by a colleague instead.

    :raise AccountError: for a taken email, or a taken company name without ``join_existing``.
    """
    company = find_company(company_name)
    if company is not None and not join_existing:
        raise AccountError(f"a company named {company_name} exists")
    created = company is None
    if created:
        company = Company(name=company_name.strip(), website=website or "", description="")
        db.session.add(company)
    try:
        user = create_user(email, password, Role.EMPLOYER, name, company, confirmed=confirmed)
        db.session.commit()
    except AccountError:
        db.session.rollback()
        raise
    return user, created


def add_colleague(employer: User, email: str, name: str, password: str) -> User:
    """An employer adds another employer to their own company, never to another."""
    user = create_user(email, password, Role.EMPLOYER, name, employer.company)
    db.session.commit()
    return user


def company_employers(company_id: int) -> list[User]:
    """Every employer of the company, by name."""
    return list(db.session.scalars(sa.select(User).where(
        User.company_id == company_id, User.role == Role.EMPLOYER).order_by(User.name, User.id)))


def colleagues(employer: User) -> list[User]:
    return company_employers(employer.company_id)


def change_password(user: User, new_password: str, keep: SignIn | None = None) -> int:
    """Sets a new password and ends every other sign-in of the user (a thief's session
    and remember-me cookie included); ``keep`` carries on. Returns how many ended."""
    user.set_password(new_password)
    db.session.commit()
    return sign_ins.end_all(user, keep=keep)
