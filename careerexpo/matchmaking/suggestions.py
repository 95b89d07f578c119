"""Candidates suggested to a booth's staff: only those who agreed to be suggested to
employers (the matchmaking consent on /me/privacy, off until given), ranked by how well
they fit the booth's open roles.

Staff see what the candidate's profile says and why it fits, never which roles the
candidate saved or applied to elsewhere.
"""

from dataclasses import dataclass, replace

import sqlalchemy as sa

from careerexpo.auth.models import User
from careerexpo.booths.models import Booth
from careerexpo.booths.services import booth_jobs
from careerexpo.candidates.models import CandidateProfile
from careerexpo.core.enums import Role
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.matchmaking.matching import Reason, fit, role_text
from careerexpo.matchmaking.wants import wants_of
from careerexpo.privacy.models import Consent, ConsentKind

MAX_SUGGESTIONS = 50
_CHUNK = 500


@dataclass
class Suggestion:
    candidate: User
    profile: CandidateProfile
    score: float
    reasons: list[Reason]
    job: Job  # the booth's role they fit best


def consenting_candidate_ids() -> list[int]:
    """Job seekers who said yes to being suggested, and still have an account."""
    return list(db.session.scalars(
        sa.select(Consent.user_id).join(User, User.id == Consent.user_id).where(
            Consent.kind == ConsentKind.MATCHMAKING, Consent.granted.is_(True),
            User.role == Role.CANDIDATE, User.active.is_(True), User.deleted_at.is_(None))
        .order_by(Consent.user_id)))


def suggestions(booth: Booth, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
    """The consenting candidates who fit the booth's open roles best, with reasons."""
    jobs = booth_jobs(booth)
    roles = [(job, role_text(job)) for job in jobs]
    ids = consenting_candidate_ids()
    if not roles or not ids:
        return []
    best = []
    for start in range(0, len(ids), _CHUNK):
        for wants in wants_of(ids[start:start + _CHUNK]).values():
            wants = replace(wants, liked=[])
            fits = [(fit(wants, role), job) for job, role in roles]
            top, job = max(fits, key=lambda f: f[0].score)
            if top.reasons:
                best.append((top.score, wants.candidate_id, top.reasons, job))
    best.sort(key=lambda b: (-b[0], b[1]))
    best = best[:limit]
    people = {u.id: u for u in db.session.scalars(
        sa.select(User).where(User.id.in_([b[1] for b in best])))}
    profiles = {p.user_id: p for p in db.session.scalars(
        sa.select(CandidateProfile).where(CandidateProfile.user_id.in_(people)))}
    return [Suggestion(people[cid], profiles[cid], score, reasons, job)
            for score, cid, reasons, job in best if cid in profiles]
