"""The demo expo's first days of traffic: booth visits, chats and applications.

So that an organiser opening the live activity of a fresh demo (``activity/services.py``)
finds a hall that has been busy since it opened: some booths far more visited than
others, the demo employer's booth answering its chats, a few booths without staff
missing theirs (the dashboard puts those first), and applications sent during the
expo.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa

from careerexpo.applications.models import Application, ApplicationEvent
from careerexpo.auth.models import User
from careerexpo.booths.models import Booth, BoothVisit
from careerexpo.candidates.models import CVDocument
from careerexpo.chat.models import Conversation, ConversationStatus
from careerexpo.core.enums import ApplicationStatus
from careerexpo.core.hktime import HONG_KONG
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.jobs.models import Job

VISITS_PER_DAY = 3000  # across the hall, on a whole day
VISITORS = 5000  # distinct browsers the visits are drawn from
UNSTAFFED_MISSED = 6  # booths with a chat nobody answered


@dataclass
class DemoActivity:
    visits: int
    chats: int
    applications: int


def add_demo_activity(rng: random.Random, expo: Expo, booths: list[Booth], staffed: Booth,
                      staff: User, applicants: list[tuple[User, CVDocument]],
                      other_jobs: list[Job], now: datetime) -> DemoActivity:
    """Adds the activity (without committing). ``staffed`` is the booth ``staff`` answers."""
    people = [person for person, _cv in applicants]
    return DemoActivity(
        visits=_visits(rng, expo, booths, staffed, now),
        chats=_chats(rng, expo, booths, staffed, staff, people, now) if people else 0,
        applications=_applications(rng, expo, applicants, other_jobs, now),
    )


def _day_window(day: date, now: datetime) -> tuple[datetime, datetime] | None:
    """From 8 a.m. in Hong Kong to midnight, or to now on the current day."""
    start = datetime.combine(day, time(8), tzinfo=HONG_KONG)
    end = min(datetime.combine(day + timedelta(days=1), time(0), tzinfo=HONG_KONG), now)
    return (start, end) if end > start else None


def _visits(rng: random.Random, expo: Expo, booths: list[Booth], staffed: Booth,
            now: datetime) -> int:
    """Unique visitors a day at each booth, a few booths drawing most of the crowd."""
    weights = [rng.paretovariate(1.3) for _ in booths]
    weights[booths.index(staffed)] = max(weights) * 0.6
    total = sum(weights)
    visitors = [f"s{rng.getrandbits(48):012x}" for _ in range(VISITORS)]
    rows = []
    day = expo.starts_on
    while day <= expo.ends_on:
        window = _day_window(day, now)
        if window:
            start, end = window
            share = (end - start) / timedelta(hours=16)
            for booth, weight in zip(booths, weights, strict=True):
                n = min(VISITORS, round(VISITS_PER_DAY * share * weight / total))
                rows += [{"booth_id": booth.id, "visitor": visitor, "day": day,
                          "visited_at": start + (end - start) * rng.random()}
                         for visitor in rng.sample(visitors, n)]
        day += timedelta(days=1)
    if rows:
        # Core, in one statement: thousands of rows, and the database keeps each
        # booth's count from them (migration 0005).
        db.session.execute(sa.insert(BoothVisit), rows)
    return len(rows)


def _moment(rng: random.Random, booths_open: datetime, now: datetime) -> datetime:
    return booths_open + (now - timedelta(minutes=30) - booths_open) * rng.random()


def _chats(rng: random.Random, expo: Expo, booths: list[Booth], staffed: Booth, staff: User,
           people: list[User], now: datetime) -> int:
    opened = datetime.combine(expo.starts_on, time(9), tzinfo=HONG_KONG)
    if now - timedelta(minutes=30) <= opened:
        return 0
    chats = []
    for i, person in enumerate(rng.sample(people, min(8, len(people)))):
        asked = _moment(rng, opened, now)
        answered = i < 6  # the last two came while the staff were away
        chats.append(Conversation(
            booth_id=staffed.id, candidate_id=person.id, status=ConversationStatus.CLOSED,
            requested_at=asked,
            accepted_at=asked + timedelta(seconds=rng.randint(15, 150)) if answered else None,
            accepted_by_id=staff.id if answered else None,
            closed_at=asked + timedelta(minutes=rng.randint(4, 20))))
    others = [b for b in booths if b is not staffed]
    for booth in rng.sample(others, min(UNSTAFFED_MISSED, len(others))):
        asked = _moment(rng, opened, now)
        chats.append(Conversation(
            booth_id=booth.id, candidate_id=rng.choice(people).id,
            status=ConversationStatus.CLOSED, requested_at=asked,
            closed_at=asked + timedelta(minutes=rng.randint(5, 15))))
    db.session.add_all(chats)
    return len(chats)


def _applications(rng: random.Random, expo: Expo,
                  applicants: list[tuple[User, CVDocument]], other_jobs: list[Job],
                  now: datetime) -> int:
    """Each applicant also applies to a few other companies' roles during the expo."""
    opened = datetime.combine(expo.starts_on, time(9), tzinfo=HONG_KONG)
    if now <= opened or not other_jobs:
        return 0
    added = 0
    for person, cv in applicants:
        for job in rng.sample(other_jobs, min(rng.randint(1, 4), len(other_jobs))):
            at = opened + (now - opened) * rng.random()
            application = Application(
                job=job, candidate=person, cv=cv, status=ApplicationStatus.SUBMITTED,
                created_at=at, updated_at=at,
                cover_note=f"We met at the {expo.name}; I would like to apply for the "
                           f"{job.title} role.")
            application.events.append(ApplicationEvent(
                status=ApplicationStatus.SUBMITTED, actor=person, created_at=at))
            db.session.add(application)
            added += 1
    return added
