"""Live activity of an expo for its organisers: who is here, visits, chats, applications,
and each booth's funnel (visits → chats → applications), booths needing help first.

Every count is a SQL aggregate. Days are Hong Kong calendar days; a chat is
*missed* when it was never accepted and either ended or has waited longer than
``CHAT_QUEUE_PATIENCE_SECONDS``.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from flask import current_app

from careerexpo.applications.models import Application
from careerexpo.booths.models import Booth, BoothVisitCount
from careerexpo.chat.models import Conversation, ConversationStatus
from careerexpo.chat.presence import presence
from careerexpo.companies.models import Company
from careerexpo.core.database import hk_day, utcnow
from careerexpo.core.hktime import HONG_KONG, today_hk
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.jobs.models import Job


@dataclass
class BoothFunnel:
    booth_id: int
    company: str
    visits: int
    chats: int
    answered: int
    missed: int
    waiting: int
    applications: int

    @property
    def needs_help(self) -> bool:
        return self.waiting >= 3 or self.missed > 0


def _expo_window(expo: Expo):
    """The expo's first and last instants, as UTC datetimes."""
    first = _hk_midnight(expo.starts_on)
    last = _hk_midnight(expo.ends_on + timedelta(days=1))
    return first, last


def _hk_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=HONG_KONG)


def _missed_condition():
    patience = current_app.config["CHAT_QUEUE_PATIENCE_SECONDS"]
    return sa.and_(Conversation.accepted_at.is_(None), sa.or_(
        Conversation.status == ConversationStatus.CLOSED,
        Conversation.requested_at < utcnow() - timedelta(seconds=patience)))


def _seconds_waited():
    """Seconds from request to acceptance, in the database's own arithmetic."""
    if db.session.get_bind().dialect.name == "sqlite":
        return (sa.func.julianday(Conversation.accepted_at)
                - sa.func.julianday(Conversation.requested_at)) * 86400.0
    return sa.func.extract("epoch", Conversation.accepted_at - Conversation.requested_at)


def median_wait_seconds(expo: Expo) -> float | None:
    """The median wait to be answered, by ordering in SQL and reading the middle row(s)."""
    waited = _seconds_waited().label("waited")
    answered = (sa.select(waited).join(Booth, Booth.id == Conversation.booth_id)
                .where(Booth.expo_id == expo.id, Conversation.accepted_at.is_not(None)))
    n = db.session.scalar(sa.select(sa.func.count()).select_from(answered.subquery()))
    if not n:
        return None
    middle = db.session.scalars(answered.order_by(waited).limit(2 - n % 2)
                                .offset((n - 1) // 2)).all()
    return round(sum(middle) / len(middle), 1)


def applications_by_day(expo: Expo, today: date | None = None) -> list[tuple[str, int]]:
    """Applications to the expo's companies on each of its days so far (days still to
    come are not zeros yet, so they are left out)."""
    first, last = _expo_window(expo)
    day = hk_day(Application.created_at).label("day")
    rows = db.session.execute(
        sa.select(day, sa.func.count()).select_from(Application)
        .join(Job, Job.id == Application.job_id)
        .join(Booth, sa.and_(Booth.company_id == Job.company_id, Booth.expo_id == expo.id))
        .where(Application.created_at >= first, Application.created_at < last)
        .group_by(day).order_by(day))
    counts = {str(d): n for d, n in rows}
    days, current = [], expo.starts_on
    while current <= min(expo.ends_on, today or today_hk()):
        days.append((current.isoformat(), counts.get(current.isoformat(), 0)))
        current += timedelta(days=1)
    return days


def funnels(expo: Expo, booth_ids: list[int] | None = None) -> list[BoothFunnel]:
    """Each booth's funnel, the booths that need help (long queues, missed chats) first."""
    first, last = _expo_window(expo)
    # A visit is one visitor on one Hong Kong day (BoothVisit keeps one row for each,
    # and BoothVisitCount their number, kept by the database).
    visits = sa.select(BoothVisitCount.booth_id, BoothVisitCount.visits.label("n")).subquery()
    chats = (sa.select(
        Conversation.booth_id,
        sa.func.count().label("chats"),
        sa.func.count(Conversation.accepted_at).label("answered"),
        sa.func.count().filter(_missed_condition()).label("missed"),
        sa.func.count().filter(Conversation.status == ConversationStatus.WAITING).label("waiting"),
    ).group_by(Conversation.booth_id).subquery())
    applications = (sa.select(Job.company_id, sa.func.count().label("n"))
                    .join(Application, Application.job_id == Job.id)
                    .where(Application.created_at >= first, Application.created_at < last)
                    .group_by(Job.company_id).subquery())
    stmt = (sa.select(Booth.id, Company.name, sa.func.coalesce(visits.c.n, 0),
                      sa.func.coalesce(chats.c.chats, 0), sa.func.coalesce(chats.c.answered, 0),
                      sa.func.coalesce(chats.c.missed, 0), sa.func.coalesce(chats.c.waiting, 0),
                      sa.func.coalesce(applications.c.n, 0))
            .join(Company, Company.id == Booth.company_id)
            .outerjoin(visits, visits.c.booth_id == Booth.id)
            .outerjoin(chats, chats.c.booth_id == Booth.id)
            .outerjoin(applications, applications.c.company_id == Booth.company_id)
            .where(Booth.expo_id == expo.id))
    if booth_ids is not None:
        stmt = stmt.where(Booth.id.in_(booth_ids))
    rows = [BoothFunnel(*row) for row in db.session.execute(stmt)]
    rows.sort(key=lambda f: (-f.waiting, -f.missed, -f.visits, f.company))
    return rows


def overview(expo: Expo) -> dict:
    """The live figures: people online, visits, chats and the wait to be answered."""
    rows = funnels(expo)
    return {
        "online_now": presence().online_users(),
        "booth_visits": sum(f.visits for f in rows),
        "chats_requested": sum(f.chats for f in rows),
        "chats_answered": sum(f.answered for f in rows),
        "chats_missed": sum(f.missed for f in rows),
        "chats_waiting": sum(f.waiting for f in rows),
        "median_wait_seconds": median_wait_seconds(expo),
        "applications_by_day": applications_by_day(expo),
        "funnels": rows,
    }
