"""What candidates are looking for, read from their profiles and the roles they saved and
applied to, for many candidates in a few queries."""

import sqlalchemy as sa

from careerexpo.applications.models import Application, SavedJob
from careerexpo.candidates.models import CandidateProfile
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.matchmaking.matching import Wants, skill_terms, text_terms

# The most recent roles saved or applied to that count; older ones say less about now.
LIKED_ROLES = 10


def wants_of(candidate_ids: list[int]) -> dict[int, Wants]:
    """Each candidate's ``Wants``; one with no profile wants nothing yet."""
    out = {cid: Wants(cid) for cid in candidate_ids}
    if not candidate_ids:
        return out
    for profile in db.session.scalars(sa.select(CandidateProfile).where(
            CandidateProfile.user_id.in_(candidate_ids))):
        out[profile.user_id] = Wants(
            profile.user_id, skills=skill_terms(profile.skills),
            headline=text_terms(profile.headline), levels=frozenset(profile.level_list),
            degree=profile.highest_degree.value if profile.highest_degree else None,
            regions=frozenset(profile.region_list), areas=frozenset(profile.area_list),
            functions=frozenset(profile.function_list))
    for candidate_id, title, how in _liked(candidate_ids):
        liked = out[candidate_id].liked
        if len(liked) < LIKED_ROLES and title not in {t for t, _, _ in liked}:
            liked.append((title, how, text_terms(title)))
    return out


def _liked(candidate_ids: list[int]):
    """(candidate, role title, "applied" or "saved"), newest first for each candidate."""
    applied = (sa.select(Application.candidate_id.label("who"), Job.title,
                         sa.literal("applied").label("how"), Application.created_at.label("at"))
               .join(Job, Job.id == Application.job_id)
               .where(Application.candidate_id.in_(candidate_ids)))
    saved = (sa.select(SavedJob.user_id.label("who"), Job.title, sa.literal("saved").label("how"),
                       SavedJob.created_at.label("at"))
             .join(Job, Job.id == SavedJob.job_id).where(SavedJob.user_id.in_(candidate_ids)))
    both = sa.union_all(applied, saved).subquery()
    return db.session.execute(sa.select(both.c.who, both.c.title, both.c.how)
                              .order_by(both.c.who, both.c.at.desc()))
