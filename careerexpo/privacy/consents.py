"""The consents a person gives and withdraws; what is not answered yet has its default."""

import sqlalchemy as sa

from careerexpo.auth.models import User
from careerexpo.core.database import utcnow
from careerexpo.extensions import db
from careerexpo.privacy.models import DEFAULTS, Consent, ConsentKind


def consents(user: User) -> dict[ConsentKind, bool]:
    """Every consent's current answer: the person's own, else the default."""
    given = {c.kind: c.granted for c in db.session.scalars(
        sa.select(Consent).where(Consent.user_id == user.id))}
    return {kind: given.get(kind, DEFAULTS[kind]) for kind in ConsentKind}


def allows(user: User, kind: ConsentKind) -> bool:
    row = db.session.get(Consent, (user.id, kind))
    return row.granted if row is not None else DEFAULTS[kind]


def set_consents(user: User, answers: dict[ConsentKind, bool]) -> None:
    """Records the answers that changed, with when."""
    for kind, granted in answers.items():
        row = db.session.get(Consent, (user.id, kind))
        if row is None:
            db.session.add(Consent(user_id=user.id, kind=kind, granted=granted))
        elif row.granted != granted:
            row.granted, row.changed_at = granted, utcnow()
    db.session.commit()
