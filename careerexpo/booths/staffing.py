"""Who staffs a booth: the colleagues named for it, or, until someone is named, every
employer of its company."""

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from careerexpo.auth.models import User
from careerexpo.auth.services import company_employers
from careerexpo.booths.models import Booth, BoothStaff
from careerexpo.extensions import db

DEFAULT_MAX_CHATS = 3


def staff_ids(booth: Booth) -> set[int]:
    if booth.staff:
        return {s.user_id for s in booth.staff}
    return {u.id for u in company_employers(booth.company_id)}


def is_staff(user: User, booth: Booth) -> bool:
    return (user.is_employer and user.company_id == booth.company_id
            and user.id in staff_ids(booth))


def can_moderate(user: User, booth: Booth) -> bool:
    return user.is_organiser or is_staff(user, booth)


def max_chats(user: User, booth: Booth) -> int:
    row = db.session.get(BoothStaff, (booth.id, user.id))
    return row.max_chats if row else DEFAULT_MAX_CHATS


def booths_staffed_by(user: User) -> list[Booth]:
    if not user.is_employer:
        return []
    booths = db.session.scalars(sa.select(Booth).options(selectinload(Booth.staff))
                                .where(Booth.company_id == user.company_id))
    return [b for b in booths if user.id in staff_ids(b)]
