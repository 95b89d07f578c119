"""Recording how far candidates and booths get with each other."""

from careerexpo.core.database import insert_if_absent, utcnow
from careerexpo.matchmaking.models import FunnelEvent, FunnelStage


def record(stage: FunnelStage, *, booth_id: int, candidate_id: int, at=None) -> None:
    """Note that a candidate reached ``stage`` with a booth; later repeats change nothing.

    Part of the caller's transaction, so a stage is counted exactly when what it
    records (a request, an acceptance, an application) is committed.
    """
    insert_if_absent(FunnelEvent, booth_id=booth_id, candidate_id=candidate_id,
                     stage=stage, occurred_at=at or utcnow())
