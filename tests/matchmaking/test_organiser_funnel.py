"""The organisers' matchmaking funnel on the live activity page: per booth and per day,
its counts the same as plain SQL's, with no-show rates, charts' tables and CSV."""

import csv
import io
from datetime import datetime, time, timedelta

import sqlalchemy as sa

from careerexpo.core.hktime import HONG_KONG, today_hk
from careerexpo.extensions import db
from careerexpo.matchmaking import funnel, reports
from careerexpo.matchmaking.models import FunnelStage as S


def _at(day, hour=12):
    return datetime.combine(day, time(hour), tzinfo=HONG_KONG)


def _expo_with_funnel(make):
    """Two booths at an expo that opened yesterday, and one at another expo."""
    today = today_hk()
    first, second = make.company(name="Alpha Robotics"), make.company(name="Beta Bio")
    expo = make.expo(companies=[first, second], starts_on=today - timedelta(days=1),
                     ends_on=today + timedelta(days=5))
    other = make.expo(companies=[make.company()])
    a, b = expo.booths
    people = [make.candidate() for _ in range(4)]
    yesterday, now = today - timedelta(days=1), today
    for person in people:
        funnel.record(S.RECOMMENDED, booth_id=a.id, candidate_id=person.id, at=_at(yesterday))
    # 01:00 in Hong Kong is still the day before in UTC: the day counted is Hong Kong's.
    for person in people[:3]:
        funnel.record(S.VIEWED, booth_id=a.id, candidate_id=person.id, at=_at(now, 1))
    for stage in (S.REQUESTED, S.ACCEPTED, S.HELD, S.APPLIED):
        funnel.record(stage, booth_id=a.id, candidate_id=people[0].id, at=_at(now, 2))
    for stage in (S.REQUESTED, S.ACCEPTED, S.NO_SHOW):
        funnel.record(stage, booth_id=a.id, candidate_id=people[1].id, at=_at(now, 2))
    funnel.record(S.RECOMMENDED, booth_id=b.id, candidate_id=people[0].id, at=_at(now))
    funnel.record(S.VIEWED, booth_id=b.id, candidate_id=people[0].id,
                  at=_at(yesterday, 23))
    funnel.record(S.RECOMMENDED, booth_id=other.booths[0].id, candidate_id=people[0].id)
    db.session.commit()
    return expo, a, b


def _plain_counts(expo, booth_id=None):
    sql = ("SELECT f.stage, COUNT(*) FROM funnel_events f JOIN booths b ON b.id = f.booth_id "
           "WHERE b.expo_id = :expo" + (" AND b.id = :booth" if booth_id else "")
           + " GROUP BY f.stage")
    params = {"expo": expo.id, **({"booth": booth_id} if booth_id else {})}
    return dict(db.session.execute(sa.text(sql), params).all())


def test_booth_and_expo_counts_agree_with_plain_sql(make):
    expo, a, b = _expo_with_funnel(make)

    booths = {row.booth_id: row for row in reports.by_booth(expo)}
    overall = reports.totals(expo)

    for booth in (a, b):
        expected = _plain_counts(expo, booth.id)
        assert {k: v for k, v in booths[booth.id].counts.items() if v} == expected
    assert {k: v for k, v in overall.counts.items() if v} == _plain_counts(expo)
    assert booths[a.id].no_show_rate == 0.5
    assert booths[b.id].no_show_rate is None
    assert list(booths) == [a.id, b.id]  # most recommended first


def test_days_are_hong_kong_days_up_to_today_and_sum_to_the_totals(make):
    expo, _a, _b = _expo_with_funnel(make)

    days = reports.by_day(expo)

    assert [d.day for d in days] == [today_hk() - timedelta(days=1), today_hk()]
    yesterday, today = days
    assert yesterday.counts["recommended"] == 4 and yesterday.counts["viewed"] == 1
    assert today.counts["viewed"] == 3 and today.counts["recommended"] == 1
    for stage in S:
        assert sum(d.counts[stage.value] for d in days) == reports.totals(expo).counts[stage]


def test_the_live_activity_page_shows_the_funnel_with_csv(make, client, auth):
    expo, a, _b = _expo_with_funnel(make)
    auth.login(make.organiser())

    html = client.get(f"/expos/{expo.slug}/activity").get_data(as_text=True)
    assert "Matchmaking funnel" in html and 'id="chart-matchmaking-days"' in html
    assert "50.0%" in html  # Alpha Robotics' no-show rate

    by_booth = client.get(f"/expos/{expo.slug}/activity/matchmaking-booths.csv")
    rows = list(csv.reader(io.StringIO(by_booth.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["booth_id", "company", "recommended", "viewed", "requested",
                       "accepted", "held", "applied", "no_show", "no_show_rate"]
    assert rows[1] == [str(a.id), "Alpha Robotics", "4", "3", "2", "2", "1", "1", "1", "0.5"]

    by_day = client.get(f"/expos/{expo.slug}/activity/matchmaking-days.csv")
    days = list(csv.reader(io.StringIO(by_day.get_data(as_text=True).lstrip("\ufeff"))))
    assert [r[0] for r in days[1:]] == [(today_hk() - timedelta(days=1)).isoformat(),
                                       today_hk().isoformat()]


def test_only_organisers_see_the_funnel(make, client, auth):
    expo, _a, _b = _expo_with_funnel(make)
    auth.login(make.candidate())
    assert client.get(f"/expos/{expo.slug}/activity/matchmaking-booths.csv").status_code == 403
