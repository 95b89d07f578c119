"""The funnel counts each candidate once per stage and booth, however often they get there."""

import sqlalchemy as sa

from careerexpo.extensions import db
from careerexpo.matchmaking import funnel
from careerexpo.matchmaking.models import FunnelEvent, FunnelStage


def test_a_stage_reached_twice_is_counted_once_and_keeps_the_first_time(make):
    company = make.company()
    expo = make.expo(companies=[company])
    booth = expo.booths[0]
    candidate = make.candidate()

    funnel.record(FunnelStage.VIEWED, booth_id=booth.id, candidate_id=candidate.id)
    db.session.commit()
    first = db.session.scalar(sa.select(FunnelEvent.occurred_at))
    funnel.record(FunnelStage.VIEWED, booth_id=booth.id, candidate_id=candidate.id)
    funnel.record(FunnelStage.REQUESTED, booth_id=booth.id, candidate_id=candidate.id)
    db.session.commit()

    rows = db.session.execute(
        sa.select(FunnelEvent.stage, FunnelEvent.occurred_at).order_by(FunnelEvent.id)).all()
    assert [r.stage for r in rows] == [FunnelStage.VIEWED, FunnelStage.REQUESTED]
    assert rows[0].occurred_at == first
