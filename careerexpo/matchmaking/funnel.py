"""Recording how far candidates and booths get with each other."""

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from careerexpo.booths.models import Booth
from careerexpo.core.database import insert_if_absent, is_sqlite, utcnow
from careerexpo.extensions import db
from careerexpo.matchmaking.models import FunnelEvent, FunnelStage


def record(stage: FunnelStage, *, booth_id: int, candidate_id: int, at=None) -> None:
    """Note that a candidate reached ``stage`` with a booth; later repeats change nothing.

    Part of the caller's transaction, so a stage is counted exactly when what it
    records (a request, an acceptance, an application) is committed.
    """
    insert_if_absent(FunnelEvent, booth_id=booth_id, candidate_id=candidate_id,
                     stage=stage, occurred_at=at or utcnow())


def record_for_booths(stage: FunnelStage, *, booth_ids, candidate_id: int) -> None:
    """``record`` for several booths in one statement."""
    rows = [{"booth_id": b, "candidate_id": candidate_id, "stage": stage,
             "occurred_at": utcnow()} for b in sorted(set(booth_ids))]
    if rows:
        insert = sqlite_insert if is_sqlite() else pg_insert
        db.session.execute(insert(FunnelEvent.__table__).values(rows).on_conflict_do_nothing())


def record_application(*, candidate_id: int, company_id: int) -> None:
    """An application to ``company_id``'s role: APPLIED with every booth of that company the
    candidate already met in matchmaking (one that has a funnel row with them)."""
    met = (sa.select(FunnelEvent.booth_id).join(Booth, Booth.id == FunnelEvent.booth_id)
           .where(FunnelEvent.candidate_id == candidate_id, Booth.company_id == company_id)
           .distinct())
    record_for_booths(FunnelStage.APPLIED, booth_ids=db.session.scalars(met).all(),
                      candidate_id=candidate_id)
