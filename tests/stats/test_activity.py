"""Live activity: visits, chats, waits and applications per booth, checked against counts
made independently here, and who may see them."""

import csv
import io
from datetime import UTC, date, datetime, timedelta

from careerexpo.activity import services as activity
from careerexpo.booths.models import BoothVisit
from careerexpo.chat.models import Conversation, ConversationStatus
from careerexpo.core.database import utcnow
from careerexpo.extensions import db
from tests import factories
from tests.conftest import Auth

DAY = date(2026, 3, 10)


def conversation(booth, requested_ago, waited=None, status=ConversationStatus.WAITING):
    requested = utcnow() - requested_ago
    c = Conversation(booth_id=booth.id, candidate_id=factories.candidate().id,
                     requested_at=requested, status=status)
    if waited is not None:
        c.accepted_at = requested + waited
        c.status = status if status != ConversationStatus.WAITING else ConversationStatus.ACTIVE
    db.session.add(c)
    return c


def build(make):
    busy_co, quiet_co = make.company(name="Busy Ltd"), make.company(name="Quiet Ltd")
    expo = make.expo(companies=[busy_co, quiet_co], starts_on=DAY, ends_on=DAY + timedelta(days=2))
    busy, quiet = sorted(expo.booths, key=lambda b: b.company.name)
    for visitor, day in (("u1", DAY), ("u1", DAY + timedelta(days=1)), ("s9", DAY), ("u2", DAY)):
        db.session.add(BoothVisit(booth_id=busy.id, visitor=visitor, day=day))
    db.session.add(BoothVisit(booth_id=quiet.id, visitor="u1", day=DAY))
    # Busy: answered after 60 s and 180 s, three waiting (one for too long), one ended unanswered.
    conversation(busy, timedelta(hours=1), waited=timedelta(seconds=60))
    conversation(busy, timedelta(hours=1), waited=timedelta(seconds=180),
                 status=ConversationStatus.CLOSED)
    conversation(busy, timedelta(minutes=1))
    conversation(busy, timedelta(minutes=2))
    conversation(busy, timedelta(hours=2))
    conversation(busy, timedelta(hours=3), status=ConversationStatus.CLOSED)
    # Quiet: one chat, answered after 30 s.
    conversation(quiet, timedelta(hours=1), waited=timedelta(seconds=30))
    db.session.commit()
    job = make.job(company=busy_co)
    # 23:30 Hong Kong on the first day is 15:30 UTC; 00:30 on the second is 16:30 UTC.
    for when in (datetime(2026, 3, 10, 15, 30, tzinfo=UTC), datetime(2026, 3, 10, 16, 30,
                                                                       tzinfo=UTC)):
        application = make.application(job, make.candidate())
        application.created_at = when
    before = make.application(make.job(company=busy_co), make.candidate())
    before.created_at = datetime(2026, 3, 1, tzinfo=UTC)  # before the expo: not counted
    db.session.commit()
    return expo, busy, quiet


def test_every_live_figure_matches_an_independent_count(app, make):
    expo, busy, quiet = build(make)
    data = activity.overview(expo)
    assert data["booth_visits"] == 5  # visitor-days: u1 twice, s9, u2 at Busy; u1 at Quiet
    assert data["chats_requested"] == 7
    assert data["chats_answered"] == 3
    assert data["chats_missed"] == 2  # ended unanswered, and waiting 2 h (> patience)
    assert data["chats_waiting"] == 3
    assert data["median_wait_seconds"] == 60.0  # of 30, 60 and 180
    assert data["applications_by_day"] == [("2026-03-10", 1), ("2026-03-11", 1),
                                           ("2026-03-12", 0)]
    first, second = data["funnels"]
    assert first.company == "Busy Ltd" and first.needs_help
    assert (first.visits, first.chats, first.answered, first.missed, first.waiting,
            first.applications) == (4, 6, 2, 2, 3, 2)
    assert (second.visits, second.chats, second.applications) == (1, 1, 0)
    assert not second.needs_help


def test_an_expo_with_nothing_yet(app, make):
    expo = make.expo(companies=[make.company()])
    data = activity.overview(expo)
    assert data["booth_visits"] == data["chats_requested"] == 0
    assert data["median_wait_seconds"] is None
    assert len(data["funnels"]) == 1


def test_organisers_see_the_page_json_and_csv(client, auth, make):
    expo, busy, _quiet = build(make)
    auth.login(make.organiser())
    page = client.get(f"/expos/{expo.slug}/activity").get_data(as_text=True)
    assert "Busy Ltd" in page and "needs help" in page
    body = client.get(f"/expos/{expo.slug}/activity.json").get_json()
    assert body["chats_requested"] == 7 and body["funnels"][0]["company"] == "Busy Ltd"
    sorted_page = client.get(f"/expos/{expo.slug}/activity?sort=company").get_data(as_text=True)
    assert sorted_page.index("Busy Ltd") < sorted_page.index("Quiet Ltd")
    rows = list(csv.DictReader(io.StringIO(
        client.get(f"/expos/{expo.slug}/activity.csv").get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0]["company"] == "Busy Ltd" and rows[0]["chats_missed"] == "2"
    # No single candidate is named anywhere.
    assert "Candidate " not in page  # factories name candidates "Candidate <n>"


def test_only_organisers_see_live_activity_and_staff_see_their_own_funnel(client, auth, make):
    expo, busy, quiet = build(make)
    staff = make.employer(company=busy.company)
    auth.login(staff)
    for suffix in ("activity", "activity.json", "activity.csv"):
        assert client.get(f"/expos/{expo.slug}/{suffix}").status_code == 403
    console = client.get(f"/expos/{expo.slug}/booths/{busy.id}/console").get_data(as_text=True)
    assert "Your booth so far" in console and "<strong>4</strong>" in console
    assert client.get(f"/expos/{expo.slug}/booths/{quiet.id}/console").status_code == 403


def test_days_still_to_come_are_not_drawn_as_zeros(app, make):
    expo = make.expo(companies=[make.company()])  # opens today, runs a week

    days = activity.applications_by_day(expo)

    assert [day for day, _n in days] == [expo.starts_on.isoformat()]


def test_the_median_wait_reads_in_minutes(client, auth, make):
    expo, _busy, _quiet = build(make)
    auth.login(make.organiser())

    page = client.get(f"/expos/{expo.slug}/activity").get_data(as_text=True)

    assert '<dd data-figure="median_wait_text">1 min</dd>' in page


def test_the_refreshed_median_wait_is_written_in_the_readers_language(app, make):
    expo, _busy, _quiet = build(make)
    organiser = make.organiser()
    client = app.test_client()
    # Each request in an app context of its own, as in production: the tests' shared one
    # would carry the sign-in's locale into the next request.
    with app.app_context():
        Auth(client).login(organiser)
    with app.app_context():
        body = client.get(f"/expos/{expo.slug}/activity.json?lang=zh_Hant_HK").get_json()

    assert body["median_wait_text"] == "1 分鐘"
