"""A slot is held by at most one live meeting whatever the concurrency: candidates racing
for one slot from separate threads, each with its own database connection, on SQLite and
on PostgreSQL. The database refuses the second, not only the code."""

import threading
import uuid

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade
from sqlalchemy.exc import IntegrityError

from careerexpo import create_app
from careerexpo.auth.models import User
from careerexpo.extensions import db
from careerexpo.meetings import services
from careerexpo.meetings.errors import Conflict
from careerexpo.meetings.models import LIVE, Meeting, MeetingStatus
from tests import factories
from tests.mailserver import receiving_mail
from tests.meetings.conftest import Fair, settle_emails
from tests.services import postgres_url_or_skip

RACERS = 8


@pytest.fixture(params=["sqlite", "postgresql"])
def database_uri(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/race.sqlite3"
        return
    admin_url = postgres_url_or_skip().replace("postgresql://", "postgresql+psycopg://")
    name = f"careerexpo_race_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    try:
        yield admin_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture
def race_app(database_uri, tmp_path):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=database_uri, SERVER_NAME="race.test",
                     CV_FOLDER=str(tmp_path / "cvs"), SEARCH_INDEX_DIR=str(tmp_path / "index"),
                     MEETING_REQUESTS_PER_DAY=100)
    with app.app_context():
        upgrade()
        with receiving_mail(app):
            yield app
            settle_emails()
        db.session.remove()
        db.engine.dispose()


def race(app, candidate_ids, attempt):
    """Runs ``attempt(candidate)`` for each candidate at once, each thread in its own app
    context (its own session and connection); returns what each one got."""
    start = threading.Barrier(len(candidate_ids))
    results = {}

    def run(candidate_id):
        with app.app_context():
            candidate = db.session.get(User, candidate_id)
            start.wait()
            try:
                results[candidate_id] = attempt(candidate).id
            except Conflict as exc:
                results[candidate_id] = exc
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run, args=(cid,)) for cid in candidate_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def live_meetings(slot_id) -> int:
    db.session.remove()
    return db.session.scalar(sa.select(sa.func.count()).select_from(Meeting).where(
        Meeting.slot_id == slot_id, Meeting.status.in_(LIVE)))


def test_candidates_racing_for_one_slot_leave_exactly_one_request(race_app):
    fair = Fair(factories)
    slot, = fair.slots()
    racers = [factories.candidate().id for _ in range(RACERS)]

    results = race(race_app, racers, lambda c: services.request_meeting(c, slot.id, "me!"))

    won = [r for r in results.values() if isinstance(r, int)]
    lost = [r for r in results.values() if isinstance(r, Conflict)]
    assert len(results) == RACERS and len(won) == 1 and len(lost) == RACERS - 1
    assert all(r.field == "slot_id" for r in lost)
    assert live_meetings(slot.id) == 1


def test_rescheduling_into_a_slot_someone_is_taking_leaves_one(race_app):
    fair = Fair(factories)
    first, second, target = fair.slots(count=3)
    a, b = fair.candidate, fair.other
    mine = services.request_meeting(a, first.id)
    theirs = services.request_meeting(b, second.id)
    attempts = {a.id: lambda c: services.reschedule(c, mine.id, target.id),
                b.id: lambda c: services.reschedule(c, theirs.id, target.id)}

    results = race(race_app, [a.id, b.id], lambda c: attempts[c.id](c))

    assert sorted(type(r).__name__ for r in results.values()) == ["Conflict", "int"]
    assert live_meetings(target.id) == 1


def test_the_database_itself_refuses_a_second_live_meeting_for_a_slot(race_app):
    fair = Fair(factories)
    slot, = fair.slots()
    services.request_meeting(fair.candidate, slot.id)
    row = {"slot_id": slot.id, "booth_id": fair.booth.id, "candidate_id": fair.other.id,
           "note": "", "share_profile": False, "expires_at": slot.starts_at}

    with pytest.raises(IntegrityError):  # straight past the services, in SQL
        db.session.execute(sa.insert(Meeting).values(status=MeetingStatus.ACCEPTED, **row))
        db.session.flush()
    db.session.rollback()
    # Meetings that let the slot go do not hold it.
    db.session.execute(sa.insert(Meeting).values(status=MeetingStatus.DECLINED, **row))
    db.session.execute(sa.insert(Meeting).values(status=MeetingStatus.EXPIRED, **row))
    db.session.commit()
    assert live_meetings(slot.id) == 1
